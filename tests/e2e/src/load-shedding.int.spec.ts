import { connect, type Socket } from 'node:net';
import { startService, waitFor, type RunningService } from '@motcua/testing';

/** A raw HTTP exchange: the socket, everything the server wrote, and whether it closed the socket. */
type Exchange = { socket: Socket; received: () => string; closed: Promise<void> };

/** Opens a connection and writes `head` (and nothing more), as a client still sending its body. */
function open(url: string, head: string): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(head);
      resolve({ socket, received: () => chunks.join(''), closed });
    });
    const chunks: string[] = [];
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => chunks.push(chunk));
    socket.once('error', reject);
  });
}

/** A POST whose body is declared but never sent: it holds its place in flight until cut off. */
const heldPost = (url: string) =>
  open(
    url,
    'POST /publication-decisions HTTP/1.1\r\nHost: catalog\r\n' +
      'Content-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"decision":',
  );

/**
 * Load shedding (ADR 0040) with a real service and MAX_REQUESTS_IN_FLIGHT=2: beyond two requests
 * in flight the next is refused at once (503 overloaded, Retry-After, the connection closed even
 * while its body is unsent), /health answers throughout, and the service serves normally again
 * once the requests in flight are gone.
 */
describe('load shedding: MAX_REQUESTS_IN_FLIGHT', () => {
  let catalog: RunningService;
  const held: Exchange[] = [];

  beforeAll(async () => {
    catalog = await startService('catalog', 4141, { MAX_REQUESTS_IN_FLIGHT: '2' });
  });
  afterAll(async () => {
    for (const exchange of held) exchange.socket.destroy();
    await catalog?.stop();
  });

  it('serves normally below the limit', async () => {
    const response = await fetch(`${catalog.url}/domains`);
    expect(response.status).toBe(200);
  });

  it('refuses a request beyond the limit with 503 overloaded, Retry-After: 1 and Connection: close', async () => {
    held.push(await heldPost(catalog.url), await heldPost(catalog.url));
    // Once both held requests have reached the service (their headers were read), the next is
    // refused. A probe read before a held request took that place, and the held one was refused
    // instead: it is opened again, so that two are held when the next probe arrives.
    const refused = await waitFor('a 503 once both held requests are in flight', async () => {
      for (const [i, exchange] of held.entries()) {
        if (exchange.received() === '') continue;
        exchange.socket.destroy();
        held[i] = await heldPost(catalog.url);
      }
      const response = await fetch(`${catalog.url}/domains`);
      return response.status === 503 ? response : undefined;
    });
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.headers.get('x-correlation-id')).toBeTruthy();
    expect(await refused.json()).toMatchObject({
      type: 'https://motcua.gov.vn/problems/overloaded',
      title: 'Service overloaded',
      status: 503,
      instance: '/domains',
      retryAfter: 1,
    });
  });

  it('refuses before reading the body, and closes the connection so the unsent body cannot hold it', async () => {
    const late = await heldPost(catalog.url);
    await late.closed; // the server ended the connection though 4 kB of body were never sent
    expect(late.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(late.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(late.received()).toContain('"type":"https://motcua.gov.vn/problems/overloaded"');
  });

  it('keeps liveness and readiness answering while overloaded', async () => {
    expect((await fetch(`${catalog.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${catalog.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${catalog.url}/health`)).status).toBe(200);
  });

  it('serves normally again once the requests in flight are gone', async () => {
    for (const exchange of held.splice(0)) {
      exchange.socket.destroy();
      await exchange.closed;
    }
    const response = await waitFor('a 200 once the held requests are gone', async () => {
      const answer = await fetch(`${catalog.url}/domains`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(Array.isArray(await response.json())).toBe(true);
  });
});

/** An open event stream (the live dashboard) is not work in flight: it neither counts nor is refused. */
describe('load shedding: event streams stay open without holding a place', () => {
  let reporting: RunningService;
  const streams: Exchange[] = [];

  beforeAll(async () => {
    reporting = await startService('reporting', 4142, { MAX_REQUESTS_IN_FLIGHT: '1' });
  });
  afterAll(async () => {
    for (const stream of streams) stream.socket.destroy();
    await reporting?.stop();
  });

  it('serves other requests while more streams are open than the limit', async () => {
    for (let i = 0; i < 3; i++) {
      const stream = await open(
        reporting.url,
        'GET /dashboard/events HTTP/1.1\r\nHost: reporting\r\nAccept: text/event-stream\r\n\r\n',
      );
      streams.push(stream);
      await waitFor(`stream ${i + 1} answered`, async () =>
        stream.received().startsWith('HTTP/1.1 200') ? true : undefined,
      );
      expect(stream.received()).toContain('text/event-stream');
    }
    const response = await fetch(`${reporting.url}/figures/review-campaigns`);
    expect(response.status).toBe(200);
  });
});
