import { connect, type Socket } from 'node:net';
import { startService, waitFor, type RunningService } from '@motcua/testing';

/** A raw HTTP exchange: everything the server wrote, and when it closed the socket. */
type Exchange = { socket: Socket; received: () => string; closed: Promise<number> };

/** Opens a connection, writes `head` and then nothing more: a client stalled mid-body. */
function stall(url: string, head: string): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    const socket = connect(Number(port), hostname, () => {
      socket.write(head);
      resolve({ socket, received: () => chunks.join(''), closed });
    });
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => chunks.push(chunk));
    socket.once('error', reject);
  });
}

/** A POST declaring 100 bytes of body that sends 10 of them and stops. */
const stalledPost = (url: string) =>
  stall(
    url,
    'POST /publication-decisions HTTP/1.1\r\nHost: catalog\r\n' +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"decisio',
  );

/** The 408 a stalled request gets: a problem+json naming the rule, and the connection closed. */
async function expectCutOff(exchange: Exchange, sentAt: number) {
  const closedAt = await exchange.closed;
  // HTTP_REQUEST_TIMEOUT_S=1: cut off after the second, not held until a client gives up.
  expect(closedAt - sentAt).toBeGreaterThanOrEqual(900);
  expect(closedAt - sentAt).toBeLessThan(5000);
  const [head, body] = exchange.received().split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  expect(head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i);
  expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
  expect(JSON.parse(body)).toEqual({
    type: 'https://motcua.gov.vn/problems/request-timeout',
    title: 'Request timeout',
    status: 408,
    detail: expect.stringContaining('HTTP_REQUEST_TIMEOUT_S'),
  });
}

/**
 * The request timeout (ADR 0042) with a real service and HTTP_REQUEST_TIMEOUT_S=1: a request whose
 * body stops arriving is answered 408 `request-timeout` and its connection closed within seconds,
 * and with load shedding at a limit of 1 the stalled request gives its place back.
 */
describe('request timeout: HTTP_REQUEST_TIMEOUT_S', () => {
  let catalog: RunningService;
  const open: Exchange[] = [];

  beforeAll(async () => {
    catalog = await startService('catalog', 4143, {
      HTTP_REQUEST_TIMEOUT_S: '1',
      MAX_REQUESTS_IN_FLIGHT: '1',
    });
  });
  afterAll(async () => {
    for (const exchange of open) exchange.socket.destroy();
    await catalog?.stop();
  });

  it('cuts off a request whose body stalls with 408 request-timeout, and then serves normally', async () => {
    const stalled = await stalledPost(catalog.url);
    open.push(stalled);
    await expectCutOff(stalled, Date.now());
    const response = await fetch(`${catalog.url}/domains`);
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it('gives back the place in flight a stalled request held (MAX_REQUESTS_IN_FLIGHT=1)', async () => {
    const sentAt = Date.now();
    const stalled = await stalledPost(catalog.url);
    open.push(stalled);
    // While the stalled request holds the only place, another is refused: the limit is in force.
    const refused = await waitFor('a 503 while the stalled request holds the place', async () => {
      const response = await fetch(`${catalog.url}/domains`);
      return response.status === 503 ? response : undefined;
    });
    expect(((await refused.json()) as { type: string }).type).toBe(
      'https://motcua.gov.vn/problems/overloaded',
    );
    await expectCutOff(stalled, sentAt);
    const response = await fetch(`${catalog.url}/domains`);
    expect(response.status).toBe(200);
  });
});
