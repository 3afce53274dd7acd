import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { buildEvent, dossierReceived, toKafkaRecord } from '@motcua/contracts';
import { demoPki, kafkaSaslEnv } from '@motcua/stack';
import { repoRoot, startService, testEnv, testKafka, waitFor } from '@motcua/testing';
import { DigitizationHarness } from './digitization-harness';
import { dossierFacts, newApplicantKey, received, testAgency } from './dossier-fixtures';

jest.setTimeout(300_000);

const PORT = 4519;

/** A command of docs/operations/runbooks.md ("Database restore for one service"), as an operator runs it. */
function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

/** Operators' tools sign in as the broker's admin. */
const operatorEnv = () => ({
  KAFKA_BROKERS: testEnv.kafkaBrokers().join(','),
  ...kafkaSaslEnv(testEnv.kafkaSasl('admin')),
});

async function consumedOutcome(metricsUrl: string, outcome: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('motcua_events_consumed_total{') &&
        line.includes(`type="${dossierReceived.type}"`) &&
        line.includes(`outcome="${outcome}"`),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/**
 * digitization's database is restored from a dump while the rest of the system keeps publishing:
 * its consumer group is moved back to the dump's time, the inbox drops what the dump already
 * held, and what the dump lacks is applied again, once.
 */
describe('restoring one service database from a dump (runbook)', () => {
  let harness: DigitizationHarness;
  let producer: Producer;
  const workDir = mkdtempSync(join(tmpdir(), 'digitization-restore-'));
  const url = testEnv.databaseUrl('digitization');

  beforeAll(async () => {
    harness = await DigitizationHarness.start(PORT);
    producer = testKafka(testEnv.kafkaBrokers()).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await harness?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const agency = testAgency();
  async function receive(count: number) {
    const sent = [];
    for (let i = 0; i < count; i++) {
      const facts = dossierFacts(agency, newApplicantKey());
      const { event, topic, key } = buildEvent(dossierReceived, received(facts, ['BDKG', 'GPKD']), {
        correlationId: `restore-${i}`,
      });
      await producer.send({ topic, messages: [toKafkaRecord(event, key)] });
      sent.push({ dossierId: facts.dossierId, eventId: event.id });
    }
    return sent;
  }
  const copies = async (ids: string[]) =>
    (
      await harness.db.query<{ dossier_id: string; documents: { code: string }[] }>(
        `SELECT dossier_id, documents FROM dossier_copy WHERE dossier_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows;
  const inboxRows = async (eventIds: string[]) =>
    (
      await harness.db.query<{ event_id: string }>(
        `SELECT event_id FROM inbox_event WHERE consumer_group = 'motcua.digitization' AND event_id = ANY($1::text[])`,
        [eventIds],
      )
    ).rows;

  it('replays from the dump time: what the dump lacks is applied once, what it held is dropped by the inbox', async () => {
    const before = await receive(4);
    await waitFor('the copies before the dump', async () =>
      (await copies(before.map((d) => d.dossierId))).length === 4 ? true : undefined,
    );
    const dumpedAt = new Date();
    const dump = join(workDir, 'digitization.dump');
    run('pg_dump', ['--format=custom', `--file=${dump}`, url]);

    // The rest of the system goes on: more dossiers, which digitization copies as usual.
    const after = await receive(3);
    const all = [...before, ...after];
    await waitFor('the copies after the dump', async () =>
      (await copies(all.map((d) => d.dossierId))).length === 7 ? true : undefined,
    );

    // The database is lost: digitization stopped, the dump restored over it.
    await harness.service.stop();
    run('pg_restore', [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '--no-owner',
      `--dbname=${url}`,
      dump,
    ]);
    expect(await copies(after.map((d) => d.dossierId))).toEqual([]);
    expect(await copies(before.map((d) => d.dossierId))).toHaveLength(4);

    // Its consumer group goes back to the dump's time (a minute earlier: the inbox drops the overlap).
    const since = new Date(dumpedAt.getTime() - 60_000).toISOString();
    const dry = JSON.parse(
      run(
        process.execPath,
        [
          '-r',
          './tools/register-ts.js',
          'tools/kafka/consumer-offsets.ts',
          'reset',
          'digitization',
          '--to-datetime',
          since,
          '--dry-run',
        ],
        operatorEnv(),
      ),
    ) as {
      dryRun: boolean;
      moves: { topic: string; partition: number; from: string; to: string }[];
    };
    expect(dry.dryRun).toBe(true);
    const moved = dry.moves.filter((m) => m.topic === dossierReceived.topic);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.some((m) => BigInt(m.to) < BigInt(m.from))).toBe(true);
    run(
      process.execPath,
      [
        '-r',
        './tools/register-ts.js',
        'tools/kafka/consumer-offsets.ts',
        'reset',
        'digitization',
        '--to-datetime',
        since,
      ],
      operatorEnv(),
    );
    const shown = JSON.parse(
      run(
        process.execPath,
        ['-r', './tools/register-ts.js', 'tools/kafka/consumer-offsets.ts', 'show', 'digitization'],
        operatorEnv(),
      ),
    ) as { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] };
    const offsets = shown.topics.find((t) => t.topic === dossierReceived.topic)!.partitions;
    for (const m of moved)
      expect(offsets.find((p) => p.partition === m.partition)?.offset).toBe(m.to);

    // Started again, it catches up: the lost copies come back, each event applied once.
    harness.service = await startService('digitization', PORT, {
      STORAGE_DIR: harness.storageDir,
      SIGNATURE_TRUST_ANCHORS_FILE: demoPki().anchorFile,
    });
    await waitFor('the copies lost with the database', async () =>
      (await copies(all.map((d) => d.dossierId))).length === 7 ? true : undefined,
    );
    const restored = await copies(all.map((d) => d.dossierId));
    for (const copy of restored)
      expect(copy.documents.map((d) => d.code)).toEqual(['BDKG', 'GPKD']);
    expect((await inboxRows(all.map((d) => d.eventId))).length).toBe(7);
    // The events the dump already held came again and were dropped by the inbox, not re-applied.
    await waitFor('the replayed events counted', async () =>
      (await consumedOutcome(harness.service.metricsUrl, 'duplicate')) >= before.length
        ? true
        : undefined,
    );
    expect(await consumedOutcome(harness.service.metricsUrl, 'applied')).toBeGreaterThanOrEqual(
      after.length,
    );
  });
});
