import { connect, type Socket } from 'node:net';
import { startService, waitFor, type RunningService } from '@motcua/testing';

/** A keep-alive connection written by hand: what the server sent so far, and whether it closed. */
type Connection = { socket: Socket; received: () => string; isClosed: () => boolean };

function open(url: string): Promise<Connection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    let closed = false;
    const socket = connect(Number(port), hostname, () =>
      resolve({ socket, received: () => chunks.join(''), isClosed: () => closed }),
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => chunks.push(chunk));
    socket.once('close', () => (closed = true));
    socket.once('error', reject);
  });
}

/** The status lines in what the server sent (an answer follows the previous body directly). */
const answers = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];

/**
 * A request refused before its body is read (415 for a body that is not JSON, 413 for one declared
 * over the limit) is answered while the client is still sending. The connection must stay usable:
 * the rest of the refused body is discarded, never read as the next request, and the next request
 * on the same keep-alive connection gets its own answer.
 */
describe('an early 415/413 on a keep-alive connection with an unread body', () => {
  let catalog: RunningService;

  beforeAll(async () => {
    catalog = await startService('catalog', 4151);
  });
  afterAll(async () => {
    await catalog?.stop();
  });

  const nextRequest = 'GET /domains HTTP/1.1\r\nHost: catalog\r\n\r\n';

  /** Sends the head and the first `sent` bytes of `body`, expects `status`, then sends the rest. */
  async function refusedThenNext(contentType: string, body: string, sent: number, status: number) {
    const connection = await open(catalog.url);
    const head =
      'POST /publication-decisions HTTP/1.1\r\nHost: catalog\r\n' +
      `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
    connection.socket.write(head + body.slice(0, sent));
    // The refusal comes before the body is complete.
    await waitFor(`the ${status}`, async () =>
      answers(connection.received()).length === 1 ? true : undefined,
    );
    expect(answers(connection.received())).toEqual([`HTTP/1.1 ${status}`]);
    expect(connection.received()).toContain('application/problem+json');
    // The rest of the body, then a second request on the same connection.
    connection.socket.write(body.slice(sent) + nextRequest);
    await waitFor('the answer to the next request', async () =>
      answers(connection.received()).length === 2 ? true : undefined,
    );
    expect(answers(connection.received())).toEqual([`HTTP/1.1 ${status}`, 'HTTP/1.1 200']);
    expect(connection.isClosed()).toBe(false);
    connection.socket.destroy();
  }

  it('415: the rest of a text body is discarded and the next request is answered', async () => {
    await refusedThenNext('text/plain', 'not json, a plain text body of forty bytes', 10, 415);
  });

  it('413: the rest of a body declared over 100 kB is discarded and the next request is answered', async () => {
    const body = `{"reason":"${'x'.repeat(200 * 1024)}"}`;
    await refusedThenNext('application/json', body, 1024, 413);
  });
});
