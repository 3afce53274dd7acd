import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import { Client } from 'pg';
import {
  buildEvent,
  decodePortalCursor,
  portalChangesPageSchema,
  portalDossierStatus,
  type PortalChange,
} from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type PortalMessage = { code: string; sequence?: string; time: string; id: string; status: number };

/**
 * The portal stream fit for synchronisation: a per-dossier sequence on every message (ce_sequence),
 * millisecond ce_time, the compacted topic, and the changes feed with its stable cursor.
 */
describe('portal stream synchronisation', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: PortalMessage[] = [];

  beforeAll(async () => {
    await h.start(4321, { PORTAL_WEBHOOK_INTERVAL_MS: '0' });
    procedure = await h.addProcedure(testProcedure());
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-portal-stream-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: ['portal.dossier-status.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void messages.push({
          code: message.key?.toString() ?? '',
          sequence: message.headers?.ce_sequence?.toString(),
          time: message.headers?.ce_time?.toString() ?? '',
          id: message.headers?.ce_id?.toString() ?? '',
          status: JSON.parse(message.value?.toString() ?? '{}').portalStatus,
        }),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  /** Every change of the feed from its start, following the cursors (and checking each page's shape). */
  async function wholeFeed(): Promise<PortalChange[]> {
    const all: PortalChange[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await h.request(
        'GET',
        `/portal/changes?limit=1000${after ? `&after=${after}` : ''}`,
        { role: 'portal_client' },
      );
      expect(page.status).toBe(200);
      const parsed = portalChangesPageSchema.parse(page.body);
      all.push(...parsed.changes);
      after = parsed.nextCursor;
      if (!parsed.hasMore) return all;
    }
  }

  it('numbers the statuses of a dossier 1, 2, 3… on Kafka and in the feed, with millisecond times', async () => {
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const { id, code } = intake.body.dossier;
    const statuses: number[] = [intake.body.dossier.portalStatus];
    // Four changes within the same second or two: updatedAt alone could not order them.
    for (const [action, body, role, unit] of [
      ['assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'],
      ['complete-step', {}, 'desk_officer', 'VP.MC'],
      [
        'request-supplement',
        { missing: [{ documentCode: 'PAG', description: 'Thiếu chữ ký' }] },
        'specialist',
        'P.QLG',
      ],
    ] as const) {
      const response = await h.action(id, action, body, role, unit);
      expect(response.status).toBe(200);
      statuses.push(response.body.portalStatus);
    }
    // complete-step publishes two events (step completed, transferred): five portal statuses in all.
    const { rows } = await h.db.query(
      `SELECT last_sequence FROM portal_sequence WHERE dossier_code = $1`,
      [code],
    );
    const count = Number(rows[0].last_sequence);
    expect(count).toBe(5);
    const onKafka = await waitFor('every portal message of the dossier', async () => {
      const mine = messages.filter((m) => m.code === code);
      return mine.length >= count ? mine : undefined;
    });
    expect(onKafka.map((m) => m.sequence)).toEqual(
      Array.from({ length: count }, (_, i) => String(i + 1).padStart(10, '0')),
    );
    expect(onKafka.map((m) => m.status)).toEqual([2, 4, 4, 4, 5]);
    expect(statuses).toEqual([2, 4, 4, 5]);
    for (const m of onKafka) expect(m.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const feed = (await wholeFeed()).filter((c) => c.dossierCode === code);
    expect(feed.map((c) => [c.sequence, c.status.portalStatus])).toEqual(
      onKafka.map((m, i) => [i + 1, m.status]),
    );
    // The feed and the stream are the same changes: same ids, same instants.
    expect(feed.map((c) => [c.eventId, c.changedAt])).toEqual(onKafka.map((m) => [m.id, m.time]));
    // Cursors strictly increase along the feed.
    const cursors = feed.map((c) => decodePortalCursor(c.cursor));
    for (let i = 1; i < cursors.length; i++) {
      const [a, b] = [cursors[i - 1], cursors[i]];
      expect(a.txid < b.txid || (a.txid === b.txid && a.position < b.position)).toBe(true);
    }
  });

  it('holds back a change until every older transaction has ended, so a cursor never skips one', async () => {
    const code = () =>
      `${procedure.agencyCode}-261203-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const insert = (client: Client, dossierCode: string) => {
      const { event, topic, key } = buildEvent(
        portalDossierStatus,
        { ...portalDossierStatus.example, dossierCode },
        { correlationId: randomUUID() },
      );
      return client.query(
        `INSERT INTO outbox_event (event_id, topic, event_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
        [event.id, topic, key, event.type, event],
      );
    };
    const before = await wholeFeed();
    const start = before.length > 0 ? before[before.length - 1].cursor : undefined;
    const slow = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await slow.connect();
    try {
      const [early, late] = [code(), code()];
      await slow.query('BEGIN');
      await insert(slow, early); // an older transaction, still open
      await insert(h.db, late); // a younger one, committed at once
      const page = async () =>
        (
          await h.request('GET', `/portal/changes?limit=1000${start ? `&after=${start}` : ''}`, {
            role: 'portal_client',
          })
        ).body as {
          changes: PortalChange[];
          nextCursor: string;
        };
      const whileOpen = await page();
      expect(whileOpen.changes.map((c) => c.dossierCode)).not.toContain(late);
      await slow.query('COMMIT');
      const after = await waitFor('both changes in the feed', async () => {
        const p = await page();
        const codes = p.changes.map((c) => c.dossierCode);
        return codes.includes(early) && codes.includes(late) ? codes : undefined;
      });
      expect(after.indexOf(early)).toBeLessThan(after.indexOf(late));
      // The manual rows got their sequence from the trigger too.
      const { rows } = await h.db.query(
        `SELECT envelope->>'sequence' AS sequence FROM outbox_event WHERE event_key = ANY($1)`,
        [[early, late]],
      );
      expect(rows.map((r) => r.sequence)).toEqual(['0000000001', '0000000001']);
    } finally {
      await slow.end();
    }
  });

  it('starts the feed at a time with since= (a backfill from a date)', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const { code } = intake.body.dossier;
    const page = await waitFor('the new dossier in the feed since a time', async () => {
      const answer = await h.request(
        'GET',
        `/portal/changes?limit=1000&since=${encodeURIComponent(before)}`,
        { role: 'portal_client' },
      );
      expect(answer.status).toBe(200);
      const parsed = portalChangesPageSchema.parse(answer.body);
      return parsed.changes.some((c) => c.dossierCode === code) ? parsed : undefined;
    });
    expect(page.changes.every((c) => c.changedAt >= before.slice(0, 19))).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const empty = await h.request('GET', `/portal/changes?since=${encodeURIComponent(future)}`, {
      role: 'portal_client',
    });
    expect(portalChangesPageSchema.parse(empty.body).changes).toEqual([]);
    const both = await h.request(
      'GET',
      `/portal/changes?since=${encodeURIComponent(future)}&after=0.0`,
      {
        role: 'portal_client',
      },
    );
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.errors)).toContain('since');
  });

  it('refuses a malformed cursor with a problem naming the field, and other roles', async () => {
    const bad = await h.request('GET', '/portal/changes?after=12;drop', { role: 'portal_client' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(JSON.stringify(bad.body.errors)).toContain('after');
    const tooMany = await h.request('GET', '/portal/changes?limit=5000', { role: 'portal_client' });
    expect(tooMany.status).toBe(400);
    expect((await h.request('GET', '/portal/changes', { role: 'desk_officer' })).status).toBe(403);
    expect((await h.request('GET', '/portal/changes')).status).toBe(401);
  });

  it('keeps the portal topic compacted and the internal streams for seven days', async () => {
    const admin = testKafka(testEnv.kafkaBrokers(), 'dossiers-portal-topic-test').admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: 'portal.dossier-status.v1' },
          { type: ConfigResourceTypes.TOPIC, name: 'dossiers.dossier.v1' },
        ],
      });
      const config = (name: string) =>
        Object.fromEntries(
          resources
            .find((r) => r.resourceName === name)!
            .configEntries.map((e) => [e.configName, e.configValue]),
        );
      expect(config('portal.dossier-status.v1')).toMatchObject({
        'cleanup.policy': 'compact',
        'min.compaction.lag.ms': String(30 * 86_400_000),
      });
      expect(config('dossiers.dossier.v1')).toMatchObject({
        'cleanup.policy': 'delete',
        'retention.ms': String(7 * 86_400_000),
      });
    } finally {
      await admin.disconnect();
    }
  });
});
