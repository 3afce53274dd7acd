import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent, dossierReceived, portalDossierStatus, toKafkaRecord } from '@motcua/contracts';
import { decodePortalMessage, dossiersClient } from '../src';

const context = { correlationId: 'client-spec', time: new Date('2026-12-03T01:30:00.123Z') };

describe('portal stream decoding', () => {
  it('decodes a status message into the validated status with its sequence', () => {
    const { event, key } = buildEvent(portalDossierStatus, portalDossierStatus.example, {
      ...context,
      sequence: 7,
    });
    const record = toKafkaRecord(event, key);
    const decoded = decodePortalMessage({ headers: record.headers, value: record.value });
    expect(decoded).toEqual({
      kind: 'status',
      event: { id: event.id, sequence: 7, time: '2026-12-03T01:30:00.123Z', status: event.data },
    });
  });

  it('names what is wrong: no sequence, data against the contract, broken headers', () => {
    const { event, key } = buildEvent(portalDossierStatus, portalDossierStatus.example, context);
    const unsequenced = toKafkaRecord(event, key);
    expect(decodePortalMessage(unsequenced)).toEqual({
      kind: 'malformed',
      reason: 'ce_sequence: missing or not a positive integer',
    });
    const sequenced = toKafkaRecord({ ...event, sequence: '0000000003' }, key);
    const broken = decodePortalMessage({
      headers: sequenced.headers,
      value: Buffer.from(JSON.stringify({ ...event.data, portalStatus: 99 })),
    });
    expect(broken).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('data: ') });
    expect(decodePortalMessage({ headers: {}, value: sequenced.value })).toMatchObject({
      kind: 'malformed',
      reason: expect.stringContaining('invalid CloudEvents headers'),
    });
  });

  it('ignores other event types', () => {
    const { event, key } = buildEvent(dossierReceived, dossierReceived.example, context);
    expect(decodePortalMessage(toKafkaRecord(event, key))).toEqual({
      kind: 'ignored',
      type: 'motcua.dossier.received.v1',
    });
  });
});

describe('typed HTTP client', () => {
  let server: Server;
  let seen: { method?: string; url?: string; authorization?: string; body: string }[];
  beforeAll(async () => {
    seen = [];
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({
          method: request.method,
          url: request.url,
          authorization: request.headers.authorization,
          body,
        });
        response.setHeader('content-type', 'application/problem+json');
        response.statusCode = 409;
        response.end(
          JSON.stringify({
            type: 'https://motcua.gov.vn/problems/action-not-allowed',
            title: 'Not allowed',
            status: 409,
            allowedActions: ['assign'],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends an action to its own path with the bearer token and answers the problem', async () => {
    const { port } = server.address() as AddressInfo;
    const client = dossiersClient({
      baseUrl: `http://127.0.0.1:${port}/`,
      token: async () => 'token-1',
    });
    const id = '6f1c1c2e-8d0a-4c8e-9b1e-3a1f0d2b7c55';
    const answer = await client.POST('/dossiers/{id}/actions/refuse', {
      params: { path: { id } },
      body: { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] },
    });
    expect(answer.response.status).toBe(409);
    expect(answer.error).toMatchObject({ status: 409, allowedActions: ['assign'] });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `/dossiers/${id}/actions/refuse`,
        authorization: 'Bearer token-1',
        body: JSON.stringify({ reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] }),
      },
    ]);
  });
});

describe('generated files', () => {
  it('the OpenAPI documents and the client types are up to date (generate.ts --check)', () => {
    const run = spawnSync(
      process.execPath,
      ['-r', './tools/register-ts.js', 'tools/openapi/generate.ts', '--check'],
      { cwd: `${__dirname}/../../..`, encoding: 'utf8', timeout: 120_000 },
    );
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  }, 150_000);
});
