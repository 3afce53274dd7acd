/* eslint-disable @nx/enforce-module-boundaries -- the benchmarks are scripts under tools/ (not an Nx project); this test runs them at a tiny size against services it starts. */
import { KAFKA_ADMIN } from '@motcua/contracts';
import {
  decisionBody,
  mintTestToken,
  startService,
  testEnv,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import { formatTable, runBench } from '../../../tools/bench/bench';

/**
 * The benchmarks of `npm run bench` at a tiny size against services this test starts, so they do
 * not rot: every figure of issue 17 gets a row of the table, with a value where one is measured.
 * Whether a target is met is not asserted here (a busy test machine says nothing about that).
 */
describe('benchmark smoke run (npm run bench at a tiny size)', () => {
  let services: RunningService[] = [];

  beforeAll(async () => {
    // Every service that came up is stopped in afterAll, also when another failed to start.
    const started = await Promise.allSettled([
      startService('catalog', 4911),
      startService('dossiers', 4912),
      startService('reporting', 4915),
    ]);
    services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    // Three services starting at once on a busy machine: as long as the other e2e suites allow.
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
  });

  it('runs the closed loop, the baseline and the open loop, and prints the table', async () => {
    const [catalog, dossiers, reporting] = services;
    // The bench copies a published procedure per run: here one published by this test.
    const template = randomProcedureCode(1);
    const admin = await mintTestToken({ subject: 'bench-smoke-admin', roles: ['admin'] });
    const published = await fetch(`${catalog.url}/publication-decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify(decisionBody('new', template)),
    });
    expect(published.status).toBe(201);

    const rows = await runBench(
      {
        catalogUrl: catalog.url,
        dossiersUrl: dossiers.url,
        reportingUrl: reporting.url,
        pgServer: testEnv.postgresServer(),
        reportingDatabaseUrl: testEnv.databaseUrl('reporting'),
        kafkaBrokers: testEnv.kafkaBrokers(),
        kafkaSasl: testEnv.kafkaSasl(KAFKA_ADMIN),
        issuer: testEnv.authIssuer(),
        templateCode: template,
      },
      {
        dossiers: dossiers.process.pid!,
        catalog: catalog.process.pid!,
        reporting: reporting.process.pid!,
      },
      {
        runs: 1,
        count: 10,
        concurrency: 2,
        rate: 5,
        seconds: 1,
        halfMax: true,
        catchUpMs: 20_000,
        replay: true,
        idleReads: 2,
      },
      () => undefined,
    );
    const table = formatTable(rows);
    const row = (figure: RegExp) => rows.find((r) => figure.test(r.figure));

    expect(row(/^dossiers CPU per HTTP intake$/)?.value).toMatch(/^\d+\.\d\d ms$/);
    expect(row(/^HTTP intake throughput/)?.baseline).toMatch(/^\d+ \/s raw PostgreSQL$/);
    for (const load of [/^open loop 5\/s × 1 s/, /^open loop \d+\/s \(½ max\) × 1 s/]) {
      for (const what of ['HTTP answer', 'intake → Kafka', 'intake → reporting']) {
        const figure = rows.find((r) => load.test(r.figure) && r.figure.endsWith(what));
        // Every intake reached Kafka and reporting's figures: a number, nothing lost.
        expect(figure?.value).toMatch(/^\d+ ms$/);
      }
    }
    for (const service of ['catalog', 'dossiers', 'reporting']) {
      expect(row(new RegExp(`^${service} RSS idle$`))?.value).toMatch(/^\d+ MB$/);
      expect(row(new RegExp(`^${service} RSS peak`))?.value).toMatch(/^\d+ MB$/);
    }
    // The replay read every event on reporting's topics (this run's intakes among them) twice.
    expect(row(/^replay of reporting projections \(\d+ events\)/)?.value).toMatch(
      /^\d+ events\/s$/,
    );
    expect(row(/^replay of reporting projections/)?.baseline).toMatch(
      /^\d+ events\/s plain batch read$/,
    );
    expect(row(/^dashboard p95 \(year figures\) during the replay$/)?.value).toMatch(
      /^\d+ ms \(\d+ requests\)$/,
    );
    expect(rows.every((r) => ['met', 'NOT met', 'not measured'].includes(r.met))).toBe(true);
    expect(table.split('\n')[0]).toMatch(
      /^\| figure +\| value +\| baseline +\| ratio +\| target +\| met +\|$/,
    );
    expect(table.split('\n')).toHaveLength(rows.length + 2);
    // The replay rebuilds reporting's projections from every event on the test broker's topics
    // (what the suites before this one published too): minutes on a busy machine.
  }, 600_000);
});
