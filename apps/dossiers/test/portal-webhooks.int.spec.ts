import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  portalChangeSchema,
  verifyWebhookSignature,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type PortalChange,
} from '@motcua/contracts';
import { waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Received = {
  path: string;
  at: number;
  delivery: string;
  verified: boolean;
  change: PortalChange;
};

/**
 * A portal's receiver, started by the test on a free port: records every POST, checks its
 * signature with the secret of its path, and answers 503 on the paths told to fail.
 */
class Receiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  readonly failing = new Set<string>();
  private server!: Server;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = request.url ?? '';
        const verification = verifyWebhookSignature(
          this.secrets.get(path) ?? '',
          body,
          request.headers[WEBHOOK_SIGNATURE_HEADER] as string | undefined,
        );
        this.received.push({
          path,
          at: Date.now(),
          delivery: String(request.headers[WEBHOOK_DELIVERY_HEADER]),
          verified: verification.valid,
          change: portalChangeSchema.parse(JSON.parse(body)),
        });
        response.statusCode = this.failing.has(path) ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  of(path: string, code: string): Received[] {
    return this.received.filter((r) => r.path === path && r.change.dossierCode === code);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Signed webhooks against a real receiver: delivery, retries with backoff, dead letters, redelivery. */
describe('portal webhooks', () => {
  const h = new DossiersHarness();
  const receiver = new Receiver();
  let procedure: TestProcedure;
  const portal = { role: 'portal_client' as const, subject: `portal-${randomUUID()}` };

  beforeAll(async () => {
    await receiver.start();
    await h.start(4322, {
      PORTAL_WEBHOOK_INTERVAL_MS: '100',
      PORTAL_WEBHOOK_MAX_ATTEMPTS: '3',
      PORTAL_WEBHOOK_RETRY_BASE_MS: '300',
      PORTAL_WEBHOOK_RETRY_MAX_MS: '5000',
      PORTAL_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, *.portal.example',
      PORTAL_CHANGE_RETENTION_DAYS: '1',
      PORTAL_CHANGE_PRUNE_INTERVAL_MS: '300',
    });
    procedure = await h.addProcedure(testProcedure());
    // Subscriptions left in the test database by earlier runs or other specs (the authorization
    // matrix registers some) would hold deliveries of this spec's changes pending forever.
    await h.db.query('DELETE FROM portal_webhook_delivery');
    await h.db.query('DELETE FROM portal_webhook');
  });
  afterAll(async () => {
    await h.stop();
    await receiver.stop();
  });

  async function subscribe(path: string) {
    const created = await h.request('POST', '/portal/webhooks', {
      ...portal,
      body: { url: receiver.url(path) },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret.length).toBeGreaterThanOrEqual(32);
    receiver.secrets.set(path, created.body.secret);
    return created.body.id as string;
  }

  it('POSTs every change, signed, with the dossier sequence; the subscription lists without its secret', async () => {
    const id = await subscribe('/ok');
    const intake = await h.intake(intakeBody(procedure));
    const { code } = intake.body.dossier;
    await h.action(
      intake.body.dossier.id,
      'assign',
      { officerId: randomUUID() },
      'desk_officer',
      'VP.MC',
    );
    const got = await waitFor('two deliveries', async () => {
      const mine = receiver.of('/ok', code);
      return mine.length >= 2 ? mine : undefined;
    });
    // Deliveries are independent (sent concurrently): compare them in sequence order.
    const bySequence = [...got].sort((a, b) => a.change.sequence - b.change.sequence);
    expect(
      bySequence.map((r) => [r.change.sequence, r.change.status.portalStatus, r.verified]),
    ).toEqual([
      [1, 2, true],
      [2, 4, true],
    ]);
    expect(new Set(got.map((r) => r.delivery)).size).toBe(2);
    // A tampered body or another secret does not verify.
    const header = 't=1,v1=' + '0'.repeat(64);
    expect(verifyWebhookSignature('x'.repeat(32), '{}', header).valid).toBe(false);

    const listed = await h.request('GET', '/portal/webhooks', portal);
    expect(listed.body.webhooks).toEqual([
      expect.objectContaining({ id, url: receiver.url('/ok') }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(receiver.secrets.get('/ok'));
  });

  it('retries with growing waits, dead-letters after the last attempt, and redelivers on request', async () => {
    receiver.failing.add('/flaky');
    const id = await subscribe('/flaky');
    const intake = await h.intake(intakeBody(procedure));
    const { code } = intake.body.dossier;
    const dead = await waitFor(
      'the dead letter',
      async () => {
        const list = await h.request('GET', `/portal/webhooks/${id}/dead-letters`, portal);
        return list.body.deadLetters.length > 0 ? list.body.deadLetters : undefined;
      },
      20_000,
    );
    expect(dead).toEqual([
      expect.objectContaining({
        dossierCode: code,
        sequence: 1,
        attempts: 3,
        lastError: 'HTTP 503',
      }),
    ]);
    const attempts = receiver.of('/flaky', code);
    expect(attempts).toHaveLength(3);
    const waits = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    // 300 ms then 600 ms (+ up to 10 % jitter and a dispatcher tick of 100 ms).
    expect(waits[0]).toBeGreaterThanOrEqual(300);
    expect(waits[1]).toBeGreaterThanOrEqual(600);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(new Set(attempts.map((a) => a.delivery)).size).toBe(1);

    // Another portal client cannot see or touch it.
    const other = { role: 'portal_client' as const, subject: `portal-${randomUUID()}` };
    expect((await h.request('GET', `/portal/webhooks/${id}/dead-letters`, other)).status).toBe(404);
    expect(
      (await h.request('POST', `/portal/webhooks/${id}/redeliver`, { ...other, body: {} })).status,
    ).toBe(404);

    receiver.failing.delete('/flaky');
    const redelivered = await h.request('POST', `/portal/webhooks/${id}/redeliver`, {
      ...portal,
      body: { deliveryIds: [dead[0].deliveryId] },
    });
    expect(redelivered.body).toEqual({ redelivered: 1 });
    await waitFor('the redelivery', async () =>
      receiver.of('/flaky', code).length >= 4 ? true : undefined,
    );
    expect(receiver.of('/flaky', code)[3].verified).toBe(true);
    await waitFor('an empty dead-letter list', async () => {
      const list = await h.request('GET', `/portal/webhooks/${id}/dead-letters`, portal);
      return list.body.deadLetters.length === 0 ? true : undefined;
    });

    // Deleted: no more deliveries, and the id is gone for its owner too.
    expect((await h.request('DELETE', `/portal/webhooks/${id}`, portal)).status).toBe(204);
    expect((await h.request('GET', `/portal/webhooks/${id}/dead-letters`, portal)).status).toBe(
      404,
    );
  }, 40_000);

  it('refuses a receiver URL or secret that breaks the rules, naming the field', async () => {
    for (const [body, field] of [
      [{ url: 'ftp://portal.example/hook' }, 'url'],
      [{ url: 'https://user:pw@portal.example/hook' }, 'url'],
      [{ url: 'https://portal.example/hook', secret: 'short' }, 'secret'],
      [{ url: 'https://portal.example/hook', extra: 1 }, 'extra'],
    ] as const) {
      const answer = await h.request('POST', '/portal/webhooks', { ...portal, body });
      expect(answer.status).toBe(400);
      expect(answer.contentType).toContain('application/problem+json');
      expect(JSON.stringify(answer.body.errors)).toContain(field);
    }
    expect(
      (
        await h.request('POST', '/portal/webhooks', {
          role: 'citizen',
          body: { url: 'https://a.example' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a receiver whose host is not on the allow-list: a 422 problem naming url', async () => {
    for (const url of [
      'https://portal.example/hook', // the wildcard allows its subdomains, not the name itself
      'https://evil.example/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:9/hook',
    ]) {
      const answer = await h.request('POST', '/portal/webhooks', { ...portal, body: { url } });
      expect(answer.status).toBe(422);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ field: 'url', rule: 'allowed-host' }),
      ]);
    }
    const allowed = await h.request('POST', '/portal/webhooks', {
      ...portal,
      body: { url: 'https://sync.portal.example/hook' },
    });
    expect(allowed.status).toBe(201);
    expect((await h.request('DELETE', `/portal/webhooks/${allowed.body.id}`, portal)).status).toBe(
      204,
    );
  });

  it('prunes superseded changes past the retention; keeps each dossier latest and what a dead letter needs', async () => {
    const assign = (id: string) =>
      h.action(id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC');
    const a = (await h.intake(intakeBody(procedure))).body.dossier;
    await assign(a.id);
    const b = (await h.intake(intakeBody(procedure))).body.dossier;
    const c = (await h.intake(intakeBody(procedure))).body.dossier;
    await assign(c.id);
    const codes = [a.code, b.code, c.code];
    // A dead letter of C's first change (its subscription exists; the receiver is irrelevant).
    const hook = await h.request('POST', '/portal/webhooks', {
      ...portal,
      body: { url: receiver.url('/pruning') },
    });
    expect(hook.status).toBe(201);
    await h.db.query(
      `INSERT INTO portal_webhook_delivery (webhook_id, change_position, state, attempts, next_attempt_at, last_error)
       SELECT $1::uuid, position, 'dead', 3, now(), 'HTTP 503' FROM portal_change
        WHERE dossier_code = $2 AND sequence = 1`,
      [hook.body.id, c.code],
    );
    const sequences = async () => {
      const { rows } = await h.db.query<{ dossier_code: string; sequence: number }>(
        `SELECT dossier_code, sequence FROM portal_change WHERE dossier_code = ANY($1) ORDER BY sequence`,
        [codes],
      );
      return codes.map((code) =>
        rows.filter((r) => r.dossier_code === code).map((r) => r.sequence),
      );
    };
    expect(await sequences()).toEqual([[1, 2], [1], [1, 2]]);

    // Two days old: past the retention of one day.
    await h.db.query(
      `UPDATE portal_change SET changed_at = now() - interval '2 days' WHERE dossier_code = ANY($1)`,
      [codes],
    );
    await waitFor('the pruning job', async () =>
      (await sequences())[0].length === 1 ? true : undefined,
    );
    expect(await sequences()).toEqual([[2], [1], [1, 2]]);
    const dead = await h.request('GET', `/portal/webhooks/${hook.body.id}/dead-letters`, portal);
    expect(dead.body.deadLetters).toEqual([
      expect.objectContaining({ dossierCode: c.code, sequence: 1 }),
    ]);
  });
});
