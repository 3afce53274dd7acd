import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  mintTestToken,
  randomProcedureCode,
  startService,
  testEnv,
  waitFor,
  type RunningService,
} from '@motcua/testing';
import * as fixtures from './fixtures';

jest.setTimeout(300_000);

/**
 * The figures' answer cache (FiguresAnswerCache) with two instances on one read model. What an
 * instance answers from memory is seen by writing the rollups behind the projections' back (no
 * change notice): the database then says one thing and the cached answer another, until an
 * event is projected.
 */
describe('the figures answered from memory', () => {
  let a: RunningService;
  let b: RunningService;
  let producer: Producer;
  let db: Client;
  const agency = fixtures.uniqueAgency();
  const code = randomProcedureCode();
  // grouped by channel: dossier figures only, none reading the clock (kept until a change)
  const path = `/figures?agency=${agency}&groupBy=channel`;

  const figures = async (service: RunningService) => {
    const { status, body } = await fixtures.getJson(service.url + path);
    expect(status).toBe(200);
    return body as {
      generation: number;
      groups: { key: string; figures: { received: { value: number } } }[];
    };
  };
  const receivedOn = async (service: RunningService) =>
    (await figures(service)).groups.find((g) => g.key === 'online')?.figures.received.value ?? 0;
  const newReceipt = () => {
    const d = fixtures.newDossier(agency, code);
    return fixtures.received(d, fixtures.at(-0.05), fixtures.at(48));
  };
  /** Adds `n` receipts to the agency's rollup rows directly: no event, no notice. */
  const writeBehindTheProjections = (n: number) =>
    db.query(
      `WITH day AS (UPDATE dossier_day_rollup SET received = received + $2
                     WHERE agency_code = $1 AND received > 0 RETURNING 1)
       UPDATE dossier_month_rollup SET received = received + $2 WHERE agency_code = $1 AND received > 0`,
      [agency, n],
    );

  beforeAll(async () => {
    [a, b] = await Promise.all([startService('reporting', 4605), startService('reporting', 4606)]);
    producer = await fixtures.connectProducer();
    db = new Client({ connectionString: testEnv.databaseUrl('reporting') });
    await db.connect();
    await fixtures.publish(producer, [fixtures.procedure(code, agency, 'full'), newReceipt()]);
    await waitFor(
      'the first receipt projected and the generation settled',
      async () => {
        const [row] = (
          await db.query<{ settled: boolean }>(
            `SELECT activated_at < now() - interval '10 seconds' AS settled
               FROM projection_generation WHERE status = 'active'`,
          )
        ).rows;
        return row?.settled && (await receivedOn(a)) === 1 && (await receivedOn(b)) === 1
          ? true
          : undefined;
      },
      120_000,
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('answers from memory on every instance until an event is projected, then the new figures on both', async () => {
    expect([await receivedOn(a), await receivedOn(b)]).toEqual([1, 1]); // kept now
    await writeBehindTheProjections(100);
    expect([await receivedOn(a), await receivedOn(b)]).toEqual([1, 1]);

    await fixtures.publish(producer, [newReceipt()]);
    await waitFor(
      'both instances to count the new receipt (and what the database holds)',
      async () => ((await receivedOn(a)) === 102 && (await receivedOn(b)) === 102) || undefined,
      60_000,
    );
    expect(await figures(a)).toEqual(await figures(b));
  });

  it('never answers for a generation that is no longer active', async () => {
    const before = await figures(b);
    expect(before.groups[0].figures.received.value).toBe(102);
    const admin = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const started = await fixtures.getJson(`${a.url}/admin/projections/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(started.status).toBe(202);
    const rebuilt = started.body.generation as number;
    await waitFor(
      'the rebuilt generation to become active',
      async () => {
        const [row] = (
          await db.query<{ generation: number }>(
            `SELECT generation FROM projection_generation WHERE status = 'active'`,
          )
        ).rows;
        return row?.generation === rebuilt || undefined;
      },
      240_000,
    );
    // the replay projected the two receipts, not the rows written behind its back
    for (const service of [b, a]) {
      const after = await figures(service);
      expect(after.generation).toBe(rebuilt);
      expect(after.groups.find((g) => g.key === 'online')?.figures.received.value).toBe(2);
    }
  });
});
