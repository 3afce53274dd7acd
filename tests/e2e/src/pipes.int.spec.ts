import { Client } from 'pg';
import { catalogClient } from '@motcua/client';
import {
  decisionBody,
  mintTestToken,
  startService,
  testEnv,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';

/**
 * The pipes, end to end on real infrastructure: the catalog writes a procedure and
 * its event in one transaction, the relay puts the event on Kafka, and the dossier
 * service, a separate process, consumes it into its own database.
 */
describe('smoke: catalog → outbox → Kafka → dossiers', () => {
  let catalog: RunningService;
  let dossiers: RunningService;
  let dossiersDb: Client;

  beforeAll(async () => {
    [catalog, dossiers] = await Promise.all([
      startService('catalog', 4101),
      startService('dossiers', 4102),
    ]);
    dossiersDb = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await dossiersDb.connect();
  });

  afterAll(async () => {
    await dossiersDb?.end();
    await Promise.all([catalog?.stop(), dossiers?.stop()]);
  });

  it('a published procedure reaches the dossier service’s own copy', async () => {
    const code = randomProcedureCode(1);
    const token = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const client = catalogClient({
      baseUrl: catalog.url,
      token,
      headers: { 'x-correlation-id': `smoke-${code}` },
    });
    const { response } = await client.POST('/publication-decisions', {
      body: decisionBody('new', code),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe(`smoke-${code}`);

    const copy = await waitFor(`procedure ${code} in the dossiers database`, async () => {
      const { rows } = await dossiersDb.query(
        'SELECT code, version, record FROM procedure_copy WHERE code = $1',
        [code],
      );
      return rows[0];
    });
    expect(copy.version).toBe(1);
    expect(copy.record.name).toBe('Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh');

    const { rows: inbox } = await dossiersDb.query(
      `SELECT event_type FROM inbox_event WHERE consumer_group = 'motcua.dossiers' AND event_type = 'motcua.procedure.published.v1'`,
    );
    expect(inbox.length).toBeGreaterThan(0);
    const traced =
      dossiers.logs.some((line) => line.includes(`smoke-${code}`)) ||
      catalog.logs.some((line) => line.includes(`smoke-${code}`));
    expect(traced).toBe(true);
  });

  it('rejects a request without a token, and bad input with problem+json naming the field', async () => {
    const anonymous = await catalogClient({ baseUrl: catalog.url }).POST('/publication-decisions', {
      body: decisionBody('new', randomProcedureCode(1)),
    });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get('content-type')).toContain('application/problem+json');

    const token = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const body = decisionBody('new', randomProcedureCode(1));
    body.procedure.timeLimit.value = -3;
    const invalid = await catalogClient({ baseUrl: catalog.url, token }).POST(
      '/publication-decisions',
      { body },
    );
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'procedure.timeLimit.value', rule: 'too_small' }),
      ]),
    );
  });
});
