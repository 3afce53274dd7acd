import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Role } from '@motcua/auth';
import { portalDossierStatus } from '@motcua/contracts';
import { databaseUrl, ensureDatabases } from '@motcua/stack';
import {
  TEST_DB_PREFIX,
  mintTestToken,
  procedureVersion,
  randomAgencyCode,
  randomProcedureCode,
  repoRoot,
  startService,
  testEnv,
  testKafka,
  waitFor,
  type RunningService,
} from '@motcua/testing';

const PORTAL_DB = `${TEST_DB_PREFIX}_portal_sync`;
const AGENCY = randomAgencyCode();

/** The test procedure (libs/stack's fixture), in an agency of this run. */
const procedure = procedureVersion(randomProcedureCode(1), { agencyCode: AGENCY });
/** Its one required document. */
const REQUIRED = procedure.requiredDocuments.filter((d) => d.required).map((d) => d.code);

/**
 * The sample portal consumer kept in step: dossiers change while it runs, it is killed (SIGKILL)
 * mid-stream, more change while it is down, and after a restart its table equals the dossiers'
 * truth (sequence and portal status of every dossier).
 */
describe('portal-sync (sample portal consumer)', () => {
  let dossiers: RunningService;
  let dossiersDb: Client;
  let portalDb: Client;
  const group = `portal.sync.${randomUUID()}`;
  const codes: string[] = [];
  const ids: string[] = [];

  async function call(method: string, path: string, role: Role, body?: unknown, unit = 'VP.MC') {
    const token = await mintTestToken({
      subject: `${role}-1`,
      roles: [role],
      unit,
      agency: AGENCY,
    });
    const response = await fetch(`${dossiers.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect({ path, status: response.status, text: response.status < 300 ? '' : text }).toEqual({
      path,
      status: expect.any(Number),
      text: '',
    });
    // Untyped JSON on purpose (JSON.parse gives any): the test reads the fields it relies on.
    return JSON.parse(text);
  }

  async function startConsumer(delayMs: number): Promise<{ child: ChildProcess; logs: string[] }> {
    const sasl = testEnv.kafkaSasl('portal');
    const logs: string[] = [];
    const child = spawn(process.execPath, [join(repoRoot(), 'dist/apps/portal-sync/main.js')], {
      env: {
        PATH: process.env.PATH,
        PORTAL_SYNC_DATABASE_URL: databaseUrl(testEnv.postgresServer(), PORTAL_DB),
        KAFKA_BROKERS: testEnv.kafkaBrokers().join(','),
        KAFKA_SASL_USERNAME: sasl.username,
        KAFKA_SASL_PASSWORD: sasl.password,
        PORTAL_SYNC_GROUP: group,
        DOSSIERS_URL: dossiers.url,
        PORTAL_TOKEN: await mintTestToken({ subject: 'portal-sync', roles: ['portal_client'] }),
        PORTAL_SYNC_DELAY_MS: String(delayMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    return { child, logs };
  }

  /** The dossiers' truth and the portal's table, per dossier code: [sequence, portal status]. */
  async function compare() {
    const truth = await dossiersDb.query<{ code: string; sequence: number; status: number }>(
      `SELECT d.code, s.last_sequence AS sequence, d.portal_status AS status
         FROM dossier d JOIN portal_sequence s ON s.dossier_code = d.code WHERE d.code = ANY($1) ORDER BY d.code`,
      [codes],
    );
    const held = await portalDb.query<{ code: string; sequence: number; status: number }>(
      `SELECT dossier_code AS code, sequence, portal_status AS status
         FROM portal_dossier_status WHERE dossier_code = ANY($1) ORDER BY dossier_code`,
      [codes],
    );
    return { truth: truth.rows, held: held.rows };
  }

  beforeAll(async () => {
    await ensureDatabases(testEnv.postgresServer(), [PORTAL_DB]);
    portalDb = new Client({ connectionString: databaseUrl(testEnv.postgresServer(), PORTAL_DB) });
    await portalDb.connect();
    await portalDb.query('DROP TABLE IF EXISTS portal_dossier_status, portal_sync_cursor');
    dossiers = await startService('dossiers', 4323, { PORTAL_WEBHOOK_INTERVAL_MS: '0' });
    dossiersDb = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await dossiersDb.connect();
    await dossiersDb.query(
      `INSERT INTO procedure_copy (code, version, record, effective_from) VALUES ($1, 1, $2, $3)`,
      [procedure.code, procedure, procedure.decision.effectiveFrom],
    );
    // The portal's group has followed the stream up to now (older statuses come from the feed).
    const admin = testKafka(testEnv.kafkaBrokers(), 'portal-sync-test').admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(portalDossierStatus.topic);
    await admin.setOffsets({
      groupId: group,
      topic: portalDossierStatus.topic,
      partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
    });
    await admin.disconnect();
  });
  afterAll(async () => {
    await portalDb?.end();
    await dossiersDb?.end();
    await dossiers?.stop();
  });

  it('converges to the dossiers after a SIGKILL mid-stream, from the stream and the feed', async () => {
    for (let i = 0; i < 10; i++) {
      const intake = await call('POST', '/dossiers', 'desk_officer', {
        procedureCode: procedure.code,
        channel: 'in_person',
        applicant: {
          type: 'business',
          personalId: '001099012345',
          name: 'Nguyễn Văn An',
          organisationName: 'Công ty TNHH An',
        },
        documents: REQUIRED.map((code) => ({ code, digitized: true })),
      });
      codes.push(intake.dossier.code);
      ids.push(intake.dossier.id);
    }
    // Slow on purpose (100 ms per message), so that the kill lands in the middle of the stream.
    const first = await startConsumer(100);
    await waitFor(
      'the backfill of the first ten dossiers',
      async () => {
        const { held } = await compare();
        return held.length === 10 ? true : undefined;
      },
      30_000,
    );
    for (const id of ids) {
      await call('POST', `/dossiers/${id}/actions/assign`, 'desk_officer', {
        officerId: randomUUID(),
      });
      await call('POST', `/dossiers/${id}/actions/complete-step`, 'desk_officer', {});
    }
    // Some dossiers moved on from the stream, not all of them yet: kill it there.
    const partial = await waitFor(
      'a partly applied stream',
      async () => {
        const { truth, held } = await compare();
        const current = held.filter((row, i) => row.sequence === truth[i].sequence).length;
        return held.some((row) => row.sequence > 1) && current < truth.length ? current : undefined;
      },
      30_000,
    );
    first.child.kill('SIGKILL');
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      first.child.once('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');
    expect(partial).toBeLessThan(10);
    const atKill = await compare();
    expect(atKill.held).not.toEqual(atKill.truth);

    // While it is down, half of the dossiers change again.
    for (const id of ids.slice(0, 5)) {
      await call(
        'POST',
        `/dossiers/${id}/actions/request-supplement`,
        'specialist',
        {
          missing: [{ documentCode: REQUIRED[0], description: 'Thiếu chữ ký' }],
        },
        'P.QLG',
      );
    }
    const second = await startConsumer(0);
    try {
      const converged = await waitFor(
        'the portal table equal to the dossiers',
        async () => {
          const { truth, held } = await compare();
          return JSON.stringify(truth) === JSON.stringify(held) ? held : undefined;
        },
        60_000,
      );
      expect(converged).toHaveLength(10);
      // Intake, assign (transferred), complete-step (step completed, transferred), and a supplement request for five.
      expect(converged.map((row) => Number(row.sequence)).sort()).toEqual([
        4, 4, 4, 4, 4, 5, 5, 5, 5, 5,
      ]);
      expect(converged.filter((row) => row.status === 5)).toHaveLength(5);
      // It caught up from the feed (what happened while it was down), then follows the stream again.
      // (after the killed member's 10-second session expired)
      await waitFor(
        'the restarted consumer on the stream',
        async () =>
          second.logs.join('').includes(`following the stream as group ${group}`)
            ? true
            : undefined,
        45_000,
      );
      expect(second.logs.join('')).toMatch(/backfilled [1-9]\d* changes from the feed/);
      // A change after the restart can only come from the stream (the feed is read at start only).
      await call(
        'POST',
        `/dossiers/${ids[9]}/actions/request-supplement`,
        'specialist',
        {
          missing: [{ documentCode: REQUIRED[0], description: 'Thiếu chữ ký' }],
        },
        'P.QLG',
      );
      const live = await waitFor(
        'the live change in the portal table',
        async () => {
          const { truth, held } = await compare();
          return JSON.stringify(truth) === JSON.stringify(held) ? held : undefined;
        },
        30_000,
      );
      expect(live.find((row) => row.code === codes[9])).toMatchObject({ sequence: 5, status: 5 });
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  }, 180_000);
});
