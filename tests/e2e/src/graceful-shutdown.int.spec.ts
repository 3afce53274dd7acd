import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Client } from 'pg';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import {
  drillToken,
  publishDrillProcedure,
  type DrillProcedure,
  type DrillStack,
} from '@motcua/stack';
import { startService, testEnv, waitFor, type RunningService } from '@motcua/testing';

jest.setTimeout(300_000);

type Answer = { instance: 'a' | 'b'; status?: number; error?: string; start: number; end: number };

/** One POST over a connection of its own (no keep-alive): the answer, or the socket error seen. */
function post(url: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status?: number; error?: string; text: string }>((resolve) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ error: error.code ?? error.message, text }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message, text: '' }),
    );
    req.end(body);
  });
}

const relayLeader = async (service: RunningService) => {
  const text = await (await fetch(service.metricsUrl)).text();
  return /^motcua_outbox_relay_leader(\{[^}]*\})? 1$/m.test(text);
};

/**
 * SIGTERM to one of two dossiers instances during a burst of intakes, the client routing as a load
 * balancer does (by readiness, polled every 250 ms): the requests it had accepted are answered
 * (none is reset), requests sent while its readiness already said 503 are still served, then its
 * port closes and the other instance takes the traffic, it exits 0 with nothing logged as an error, and the other instance
 * takes the outbox relay over and publishes every event.
 */
describe('graceful shutdown (SIGTERM)', () => {
  const started: RunningService[] = [];
  let a: RunningService;
  let b: RunningService;
  let procedure: DrillProcedure;

  beforeAll(async () => {
    started.push(await startService('catalog', 4931));
    // Behind a load balancer: a keeps serving 2 s after SIGTERM while its readiness says 503.
    a = await startService('dossiers', 4932, { SHUTDOWN_DELAY_SECONDS: '2' });
    started.push(a);
    await waitFor(
      'instance a leads the relay',
      async () => ((await relayLeader(a)) ? true : undefined),
      30_000,
    );
    b = await startService('dossiers', 4933);
    started.push(b);
    const stack = {
      services: { catalog: started[0].url, dossiers: a.url } as Record<ServiceName, string>,
      databases: Object.fromEntries(SERVICES.map((s) => [s, testEnv.databaseUrl(s)])) as Record<
        ServiceName,
        string
      >,
    } as DrillStack;
    procedure = await publishDrillProcedure(stack);
    await waitFor(
      'instance b has the procedure',
      async () => ((await fetch(`${b.url}/health/ready`)).status === 200 ? true : undefined),
      30_000,
    );
  });

  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  });

  it('finishes the requests in hand, leaves the balancer, hands the relay over', async () => {
    const token = await drillToken(['desk_officer'], {
      unit: 'VP.MC',
      agency: procedure.agencyCode,
    });
    const answers: Answer[] = [];
    const created = new Set<string>();
    let sigtermAt = 0;
    const intake = async (i: number) => {
      const key = `shutdown-${randomUUID()}`;
      const body = JSON.stringify({
        procedureCode: procedure.code,
        channel: 'in_person',
        applicant: {
          type: 'business',
          personalId: String(200000000000 + i),
          name: 'Nguyễn Văn Dừng',
          organisationName: 'Công ty TNHH Dừng Êm',
        },
        documents: [{ code: 'BDKG', digitized: true, reused: false }],
      });
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
      };
      // To a while its readiness says so, else to b; a refused connection goes to b too: what a
      // load balancer does.
      for (const instance of aReady ? (['a', 'b'] as const) : (['b'] as const)) {
        const start = Date.now();
        const answer = await post(instance === 'a' ? a.url : b.url, '/dossiers', headers, body);
        answers.push({
          instance,
          status: answer.status,
          error: answer.error,
          start,
          end: Date.now(),
        });
        if (answer.status === 201) {
          created.add((JSON.parse(answer.text) as { dossier: { id: string } }).dossier.id);
          return;
        }
        if (answer.error !== 'ECONNREFUSED') return;
      }
    };
    // The load balancer's readiness probe of a, every 250 ms.
    let aReady = true;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const response = await fetch(`${a.url}/health/ready`, {
          signal: AbortSignal.timeout(2000),
        }).catch(() => undefined);
        await response?.body?.cancel();
        // A probe that got no answer in time (a loaded machine) changes nothing; a refusal or 503 does.
        if (response) aReady = response.status === 200;
        else if (a.process.exitCode !== null) aReady = false;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    let next = 0;
    const count = 120;
    const worker = async () => {
      while (next < count) await intake(next++);
    };
    const burst = Promise.all(Array.from({ length: 8 }, worker));
    await waitFor(
      '40 intakes answered',
      async () => (answers.length >= 40 ? true : undefined),
      60_000,
    );
    sigtermAt = Date.now();
    const linesBefore = a.logs.length;
    a.process.kill('SIGTERM');
    await burst;
    probing = false;
    await probe;
    const exitCode = await new Promise<number | null>((resolve) =>
      a.process.exitCode !== null ? resolve(a.process.exitCode) : a.process.once('exit', resolve),
    );

    const inHand = answers.filter(
      (x) => x.instance === 'a' && x.start < sigtermAt && x.end > sigtermAt,
    );
    const errors = answers.filter((x) => x.error && x.error !== 'ECONNREFUSED');
    process.stdout.write(
      `answers: ${answers.length}; a: ${answers.filter((x) => x.instance === 'a' && x.status).length} answered (${inHand.length} in hand at SIGTERM), ` +
        `${answers.filter((x) => x.error === 'ECONNREFUSED').length} refused; b: ${answers.filter((x) => x.instance === 'b' && x.status).length} answered\n`,
    );
    expect(errors).toEqual([]); // no reset, no hang-up: every accepted request was answered
    expect(answers.filter((x) => x.status !== undefined && x.status !== 201)).toEqual([]);
    expect(created.size).toBe(count);
    expect(inHand.length).toBeGreaterThan(0);
    expect(inHand.every((x) => x.status === 201)).toBe(true);
    expect(exitCode).toBe(0);
    // Nothing went wrong while it shut down (before it, KafkaJS logs a rebalance as an error when b joins).
    const shutdownLines = a.logs.slice(linesBefore);
    expect(shutdownLines.filter((line) => /"level":"(error|fatal)"/.test(line))).toEqual([]);
    expect(a.logs.some((line) => line.includes('"msg":"shut down"'))).toBe(true);

    // The relay: b leads now and publishes every event of the burst.
    await waitFor(
      'instance b leads the relay',
      async () => ((await relayLeader(b)) ? true : undefined),
      15_000,
    );
    const db = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await db.connect();
    try {
      await waitFor(
        'every outbox row published',
        async () => {
          const { rows } = await db.query<{ n: string }>(
            'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
          );
          return rows[0].n === '0' ? true : undefined;
        },
        30_000,
      );
      const { rows } = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM dossier WHERE procedure_code = $1',
        [procedure.code],
      );
      expect(Number(rows[0].n)).toBe(count);
    } finally {
      await db.end();
    }
  });
});
