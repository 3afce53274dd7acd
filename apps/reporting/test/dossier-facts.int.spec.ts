import { randomInt } from 'node:crypto';
import {
  dossierContactRecorded,
  dossierDueDateRederived,
  dossierEvaluated,
  dossierExtended,
  dossierFeePaid,
  dossierOverdue,
  dossierPaymentRequested,
  dossierProcessed,
  dossierResultReturned,
  dossierResumed,
  dossierStepCompleted,
  dossierSupplementRequested,
  dossierTransferred,
  type EventContract,
} from '@motcua/contracts';
import { randomProcedureCode, testEnv } from '@motcua/testing';
import { writeDossierFacts } from '../src/projections/dossier-fact.repository';
import { FRESH, type DossierEvent } from '../src/projections/dossier-fold';
import { ReportingDatabase } from '../src/reporting.database';
import { at, event, facts, newDossier, received, uniqueAgency, type Dossier } from './fixtures';

jest.setTimeout(120_000);

/** A dossier's life in events, `start` hours ago; without a receipt, its first events carry no due date. */
function lifeOf(d: Dossier, start: number, withReceipt: boolean): DossierEvent[] {
  const t = (h: number, ms = 0) => at(h - start, Date.now() + ms);
  const e = <C extends EventContract>(
    contract: C,
    h: number,
    own: Record<string, unknown> = {},
    carried: Record<string, unknown> = {},
  ) => {
    const example = contract.example as { portalStatus: number };
    return event(contract, {
      ...example,
      ...facts(d, example.portalStatus, t(h), carried),
      ...own,
    } as never);
  };
  const built = [
    ...(withReceipt ? [received(d, t(0), t(30))] : []),
    e(dossierStepCompleted, 1, { stepDueDate: t(2) }),
    e(dossierSupplementRequested, 2, { supplementRequestedAt: t(2), stage: 'processing' }),
    // paused hours that are no round numbers, twice: float additions in the order of the events
    e(
      dossierResumed,
      3.3,
      { supplementRequestedAt: t(2), supplementReceivedAt: t(3.3, 7123) },
      { dueDate: t(33.3) },
    ),
    e(dossierExtended, 4, {}, { dueDate: t(40) }),
    e(dossierSupplementRequested, 5, {
      supplementRequestedAt: t(5),
      stage: 'intake',
      applicantFault: true,
    }),
    e(dossierResumed, 6.7, { supplementRequestedAt: t(5), supplementReceivedAt: t(6.7, 311) }),
    e(dossierTransferred, 7),
    e(dossierPaymentRequested, 8),
    e(dossierFeePaid, 9, { method: 'online' }),
    e(dossierContactRecorded, 10, { legallyRequired: false, body: 'other_body' }),
    e(dossierOverdue, 11),
    e(dossierDueDateRederived, 12, { onTimeAfter: 'in_time' }, { dueDate: t(50) }),
    e(dossierProcessed, 13),
    e(dossierResultReturned, 14, { returnedAt: t(14) }),
    e(dossierEvaluated, 15, { evaluatedAt: t(15) }),
  ];
  return built.map((b) => b.event as DossierEvent);
}

/** The dossiers' events interleaved as partitions deliver them: each dossier in order, dossiers mixed. */
function interleaved(lives: DossierEvent[][]): DossierEvent[] {
  const queues = lives.map((life) => [...life]);
  const out: DossierEvent[] = [];
  for (let round = 0; queues.some((q) => q.length > 0); round++) {
    const q = queues[(round * 7) % queues.length].length
      ? queues[(round * 7) % queues.length]
      : queues.find((x) => x.length)!;
    out.push(...q.splice(0, 1 + (round % 3)));
  }
  return out;
}

/**
 * The folded write of dossier_fact (dossier-fold.ts) equals the events applied one by one: the
 * same events cut into batches of various sizes give the same rows as batches of one.
 */
describe('dossier_fact written from folded runs', () => {
  let db: ReportingDatabase;
  const base = 900_000 + randomInt(90_000) * 10;
  const agency = uniqueAgency();
  const dossiers = Array.from({ length: 6 }, () => newDossier(agency, randomProcedureCode()));
  const events = interleaved(dossiers.map((d, i) => lifeOf(d, 300 + i * 11, i % 3 !== 2)));

  beforeAll(() => {
    db = new ReportingDatabase({ DATABASE_URL: testEnv.databaseUrl('reporting') } as never);
  });
  afterAll(async () => {
    await db.sql.$executeRawUnsafe(
      `DELETE FROM dossier_fact WHERE generation >= $1 AND generation < $1 + 10`,
      base,
    );
    await db.onApplicationShutdown();
  });

  async function written(generation: number, batch: number): Promise<unknown[]> {
    for (let i = 0; i < events.length; i += batch)
      await db.sql.$transaction((tx) =>
        writeDossierFacts(tx, generation, events.slice(i, i + batch)),
      );
    const rows = await db.sql.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM dossier_fact WHERE generation = $1 ORDER BY dossier_id`,
      generation,
    );
    return rows.map(({ generation: _g, ...row }) => row);
  }

  it('gives the rows of one event at a time for batches cut anywhere', async () => {
    const one = await written(base, 1);
    expect(one).toHaveLength(dossiers.length);
    expect(one.filter((row) => (row as { on_time: unknown }).on_time !== null)).not.toHaveLength(0);
    for (const [k, batch] of [2, 3, 5, 17, events.length].entries())
      expect({ batch, rows: await written(base + 1 + k, batch) }).toEqual({ batch, rows: one });
  });

  it('starts a dossier from the table defaults', async () => {
    const [row] = await db.sql.$queryRawUnsafe<Record<string, unknown>[]>(
      `INSERT INTO dossier_fact (generation, dossier_id, dossier_code, procedure_code, procedure_version,
         agency_code, domain_code, channel, applicant_type, status, portal_status, last_event_at)
       VALUES ($1, gen_random_uuid(), 'X', 'P', 1, 'A', 'D', 'online', 'citizen', 'processing', 2, now())
       RETURNING ${Object.keys(FRESH).join(', ')}`,
      base + 9,
    );
    expect(row).toEqual(FRESH);
  });
});
