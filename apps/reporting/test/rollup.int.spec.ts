import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  documentDigitized,
  dossierExtended,
  dossierFeePaid,
  dossierProcessed,
  dossierRefused,
  dossierResultReturned,
  dossierResumed,
  dossierStopped,
  dossierSupplementRequested,
  dossierWithdrawn,
  resultIssued,
} from '@motcua/contracts';
import {
  startService,
  testEnv,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import { FiguresRepository, type Filters } from '../src/figures/figures.repository';
import type { GroupBy } from '../src/figures/figures-query.schema';
import { GROUP_BY } from '../src/figures/figures-query.schema';
import type { Period } from '../src/figures/period';
import {
  contributionSql,
  ROLLUP_COUNTS,
  ROLLUP_KEYS,
  ROLLUP_TABLES,
} from '../src/projections/dossier-rollup';
import { ReportingDatabase } from '../src/reporting.database';
import {
  at,
  connectProducer,
  event,
  facts,
  getJson,
  localToday,
  newDossier,
  procedure,
  publish,
  received,
  uniqueAgency,
  type Built,
  type Dossier,
} from './fixtures';

jest.setTimeout(240_000);

/**
 * The daily rollup equals a GROUP BY over dossier_fact, and every dossier figure computed from it
 * equals the figure computed straight from the facts (the reference query), also after a redelivery
 * and after a later event moves a dossier to another rollup row.
 */
describe('the daily rollup of dossier figures', () => {
  let service: RunningService;
  let producer: Producer;
  let db: ReportingDatabase;
  let repository: FiguresRepository;
  const agency = uniqueAgency();
  const [full, partial] = [randomProcedureCode(), randomProcedureCode()];
  const dossiers: Dossier[] = Array.from({ length: 9 }, (_, i) =>
    newDossier(agency, i % 3 === 0 ? partial : full, i % 2 === 0 ? 'QLG' : 'TCDN'),
  );
  const workflow = (unit: string) => [
    { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', dueDate: at(1) },
    { order: 2, name: 'Thẩm định', unitCode: unit, dueDate: at(20) },
  ];
  const outcome = (
    d: Dossier,
    contract: Parameters<typeof event>[0],
    status: number,
    hours: number,
    extra: Record<string, unknown> = {},
  ) =>
    event(contract, {
      ...(contract.example as object),
      ...facts(d, status, at(hours), extra),
      ...extra,
    });

  beforeAll(async () => {
    db = new ReportingDatabase({ DATABASE_URL: testEnv.databaseUrl('reporting') } as never);
    repository = new FiguresRepository(db);
    service = await startService('reporting', 4681);
    producer = await connectProducer();
    const [a, b, c, d, e, f, g, h, k] = dossiers;
    const events: Built[] = [
      procedure(full, agency, 'full'),
      procedure(partial, agency, 'partial'),
    ];
    // receipts spread over four local days, two handling units, three channels
    dossiers.forEach((x, i) =>
      events.push(
        received(x, at(-80 + i * 6), at(-20 + i * 4), {
          channel: ['online', 'in_person', 'postal'][i % 3],
          workflow: workflow(i % 2 === 0 ? 'P.QLG' : 'P.TCDN'),
          populationDataUsed: i % 4 === 0,
          documents: [
            { code: 'A', digitized: true, reused: i % 2 === 0 },
            { code: 'B', digitized: i % 3 === 0, reused: false },
          ],
        }),
      ),
    );
    const processedA = outcome(a, dossierProcessed, 9, -30, { electronicResult: true });
    events.push(
      processedA,
      processedA, // a redelivered event changes nothing
      outcome(a, dossierResultReturned, 10, -5, { returnedAt: at(-5), method: 'desk' }),
      event(dossierSupplementRequested, {
        ...dossierSupplementRequested.example,
        ...facts(b, 5, at(-60), { supplementRequestedAt: at(-60) }),
      } as never),
      event(dossierResumed, {
        ...dossierResumed.example,
        ...facts(b, 4, at(-50), {
          supplementRequestedAt: at(-60),
          supplementReceivedAt: at(-50),
          dueDate: at(10),
        }),
      } as never),
      event(dossierExtended, {
        ...dossierExtended.example,
        ...facts(b, 4, at(-40), { previousDueDate: at(10), dueDate: at(30) }),
      } as never),
      outcome(b, dossierProcessed, 9, -2, { electronicResult: false }),
      outcome(c, dossierRefused, 3, -45),
      outcome(d, dossierWithdrawn, 7, -40),
      outcome(e, dossierProcessed, 9, -1, { electronicResult: true }),
      outcome(e, dossierResultReturned, 10, -0.5, { returnedAt: at(-0.5), method: 'online' }),
      event(dossierFeePaid, {
        ...dossierFeePaid.example,
        ...facts(f, 4, at(-20)),
        method: 'online',
        paidAt: at(-20),
      } as never),
      event(dossierFeePaid, {
        ...dossierFeePaid.example,
        ...facts(f, 4, at(-19)),
        method: 'desk',
        paidAt: at(-19),
      } as never),
      outcome(g, dossierStopped, 8, -10),
      // h: processed the day it was received (one rollup row holds its receipt and finish)
      outcome(h, dossierProcessed, 9, -31.5, { electronicResult: true }),
      // k: a later event corrects the domain, so its contribution leaves one row for another
      outcome({ ...k, domainCode: 'QLCS' }, dossierProcessed, 9, -3, {
        electronicResult: false,
        domainCode: 'QLCS',
      }),
    );
    events.push(
      event(documentDigitized, {
        ...documentDigitized.example,
        documentId: randomUUID(),
        dossierId: a.dossierId,
        dossierCode: a.dossierCode,
        occurredAt: at(-70),
      }),
      event(documentDigitized, {
        ...documentDigitized.example,
        documentId: randomUUID(),
        dossierId: b.dossierId,
        dossierCode: b.dossierCode,
        occurredAt: at(-20),
        syncedToApplicantStore: false,
      }),
      event(resultIssued, {
        ...resultIssued.example,
        resultId: randomUUID(),
        dossierId: a.dossierId,
        dossierCode: a.dossierCode,
        issuingAgencyCode: agency,
        occurredAt: at(-30),
      }),
    );
    await publish(producer, events);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
    await db?.$disconnect();
  });

  const generation = () => repository.activeGeneration();

  it('is projected with the facts', async () => {
    await waitFor(
      'every dossier projected',
      async () => {
        const f = (
          await getJson(
            `${service.url}/figures?agency=${agency}&period=range&from=${dayOffset(-6)}&to=${dayOffset(1)}`,
          )
        ).body.groups[0]?.figures;
        return f?.received.value === 9 &&
          f.processed.value === 7 &&
          f.returned.value === 2 &&
          f.withdrawn.value === 1 &&
          f.online_payment_rate.denominator === 2
          ? true
          : undefined;
      },
      120_000,
    );
  });

  it.each(['day', 'month'] as const)(
    'keeps the %s rollup equal to a GROUP BY over dossier_fact, row for row',
    async (grain) => {
      const columns = [
        ...ROLLUP_KEYS.map((k) => (k === 'day' ? `to_char(day, 'YYYY-MM-DD') AS day` : k)),
        ...ROLLUP_COUNTS,
        'processing_days::numeric::text AS processing_days',
        'last_event_at',
      ];
      const order = ROLLUP_KEYS.join(', ');
      const rollup = await db.$queryRawUnsafe(
        `SELECT ${columns.join(', ')} FROM ${ROLLUP_TABLES[grain]} WHERE generation = $1 AND agency_code = $2 ORDER BY ${order}`,
        await generation(),
        agency,
      );
      const reference = await db.$queryRawUnsafe(
        `SELECT ${columns.join(', ')} FROM (${contributionSql('AND f.agency_code = $2', grain)}) AS c ORDER BY ${order}`,
        await generation(),
        agency,
      );
      expect((rollup as unknown[]).length).toBeGreaterThan(grain === 'day' ? 9 : 3);
      expect(rollup).toEqual(reference);
    },
  );

  it('gives every figure equal to the query over dossier_fact, for every period, filter and grouping', async () => {
    const periods: Period[] = [
      { kind: 'range', from: dayOffset(-6), to: dayOffset(1) },
      { kind: 'day', from: dayOffset(-1), to: dayOffset(-1) },
      { kind: 'range', from: dayOffset(-2), to: dayOffset(0) },
      {
        kind: 'year',
        from: `${localToday().slice(0, 4)}-01-01`,
        to: `${localToday().slice(0, 4)}-12-31`,
      },
      // the whole current month from the monthly rollup, the days before it from the daily one
      { kind: 'range', from: dayOffset(-40), to: lastDayOfMonth() },
      { kind: 'month', from: `${localToday().slice(0, 7)}-01`, to: lastDayOfMonth() },
    ];
    const filters: Filters[] = [
      { agency },
      { agency, unit: 'P.QLG' },
      { agency, domain: 'TCDN' },
      { agency, procedure: partial },
      { agency, domain: 'QLCS' },
    ];
    const groupings: (GroupBy | undefined)[] = [undefined, ...GROUP_BY];
    const gen = await generation();
    let compared = 0;
    for (const period of periods) {
      for (const filter of filters) {
        for (const groupBy of groupings) {
          const fromRollup = await repository.dossiers(gen, period, filter, groupBy);
          const fromFacts = await repository.dossiersFromFacts(gen, period, filter, groupBy);
          expect({ period, filter, groupBy, rows: fromRollup }).toEqual({
            period,
            filter,
            groupBy,
            rows: fromFacts,
          });
          compared += fromFacts.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('gives the digitization figures from their daily rollup equal to the fact query', async () => {
    const gen = await generation();
    const year = {
      kind: 'year' as const,
      from: `${localToday().slice(0, 4)}-01-01`,
      to: `${localToday().slice(0, 4)}-12-31`,
    };
    const scanned = await waitFor(
      'the scans projected',
      async () => {
        const rows = await repository.digitizationFromFacts(gen, year, { agency }, undefined);
        return rows[0]?.scans === 2 && rows[0]?.results_issued === 1 ? rows : undefined;
      },
      60_000,
    );
    expect(await repository.digitization(gen, year, { agency })).toEqual(scanned);
    for (const groupBy of [undefined, 'agency', 'day', 'month', 'year'] as const) {
      for (const filter of [{ agency }] as Filters[]) {
        expect(await repository.digitization(gen, year, filter, groupBy)).toEqual(
          await repository.digitizationFromFacts(gen, year, filter, groupBy),
        );
      }
    }
  });
});

function dayOffset(days: number): string {
  return new Date(Date.parse(localToday()) + days * 86400000).toISOString().slice(0, 10);
}

function lastDayOfMonth(): string {
  const [year, month] = localToday().split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
