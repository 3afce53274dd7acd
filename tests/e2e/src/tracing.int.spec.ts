import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import { drillToken, publishDrillProcedure, type DrillStack } from '@motcua/stack';
import { startService, testEnv, waitFor, type RunningService } from '@motcua/testing';

jest.setTimeout(300_000);

type Span = {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  links: string[];
};

/** OTLP/JSON ids are hex; accept base64 too (the protobuf-to-JSON mapping's bytes). */
const hex = (id: string | undefined) =>
  !id ? '' : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');

type OtlpJson = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        links?: { traceId: string; spanId: string }[];
      }[];
    }[];
  }[];
};

/**
 * Traces across services, as an operator's collector receives them: the test runs an OTLP/HTTP
 * receiver, and the catalog, dossiers and reporting services (TRACING_ENABLED=true) export their
 * spans to it over the network. One intake sent with a traceparent must show, in that one trace,
 * the dossiers server span (child of the caller), the relay's producer span of the received event
 * and the reporting consumer span that projects it (both children of the request's span).
 */
describe('OpenTelemetry traces from an intake to its projection', () => {
  const spans: Span[] = [];
  let receiver: Server;
  const services: RunningService[] = [];
  let stack: DrillStack;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces' && request.headers['content-type']?.includes('json')) {
          const data = JSON.parse(body) as OtlpJson;
          for (const rs of data.resourceSpans ?? []) {
            const service =
              rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ??
              '';
            for (const ss of rs.scopeSpans ?? [])
              for (const s of ss.spans ?? [])
                spans.push({
                  service,
                  traceId: hex(s.traceId),
                  spanId: hex(s.spanId),
                  parentSpanId: hex(s.parentSpanId),
                  name: s.name,
                  links: (s.links ?? []).map((l) => hex(l.spanId)),
                });
          }
        }
        response.setHeader('content-type', 'application/json');
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
    const tracing = { TRACING_ENABLED: 'true', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint };
    const ports: Partial<Record<ServiceName, number>> = {
      catalog: 4941,
      dossiers: 4942,
      reporting: 4945,
    };
    for (const [service, port] of Object.entries(ports) as [ServiceName, number][])
      services.push(await startService(service, port, tracing));
    stack = {
      services: Object.fromEntries(services.map((s) => [s.name, s.url])) as Record<
        ServiceName,
        string
      >,
      databases: Object.fromEntries(SERVICES.map((s) => [s, testEnv.databaseUrl(s)])) as Record<
        ServiceName,
        string
      >,
    } as DrillStack;
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('one trace holds the intake, its publication and its projection in reporting', async () => {
    const procedure = await publishDrillProcedure(stack);
    const token = await drillToken(['desk_officer'], {
      unit: 'VP.MC',
      agency: procedure.agencyCode,
    });
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const response = await fetch(`${stack.services.dossiers}/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `trace-${traceId}`,
        traceparent: `00-${traceId}-${callerSpan}-01`,
      },
      body: JSON.stringify({
        procedureCode: procedure.code,
        channel: 'in_person',
        applicant: {
          type: 'business',
          personalId: '300000000001',
          name: 'Nguyễn Văn Vết',
          organisationName: 'Công ty TNHH Dấu Vết',
        },
        documents: [{ code: 'BDKG', digitized: true, reused: false }],
      }),
    });
    expect(response.status).toBe(201);

    const received = 'motcua.dossier.received.v1';
    const trace = () => spans.filter((s) => s.traceId === traceId);
    const server = await waitFor(
      'the dossiers server span',
      async () =>
        trace().find((s) => s.service === 'motcua-dossiers' && s.name === 'POST /dossiers'),
      30_000,
    );
    expect(server.parentSpanId).toBe(callerSpan);
    const underRequest = (s: Span) =>
      s.parentSpanId === server.spanId || s.links.includes(server.spanId);
    const producer = await waitFor(
      'the relay span of the received event',
      async () =>
        trace().find((s) => s.service === 'motcua-dossiers' && s.name === `publish ${received}`),
      30_000,
    );
    expect(producer.parentSpanId).toBe(server.spanId);
    const projection = await waitFor(
      'the reporting span that projects it',
      async () =>
        spans.find(
          (s) =>
            s.service === 'motcua-reporting' &&
            s.name.startsWith('process ') &&
            (s.traceId === traceId ? underRequest(s) : s.links.includes(server.spanId)),
        ),
      60_000,
    ).catch((error: Error) => {
      const names = [...new Set(spans.map((s) => `${s.service} ${s.name}`))];
      throw new Error(`${error.message}; spans received: ${names.join('; ')}`);
    });
    process.stdout.write(
      `trace ${traceId}: ${trace()
        .map((s) => `${s.service} ${s.name}`)
        .join('; ')}\n`,
    );
    expect(projection.traceId === traceId || projection.links.includes(server.spanId)).toBe(true);
  });
});
