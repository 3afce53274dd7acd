import { answerClientError, requestTimeouts } from './client-error';

/** A socket that keeps what is written to it. */
function socket() {
  const sent: string[] = [];
  return {
    sent,
    writable: true,
    destroyed: false,
    end(chunk: string) {
      sent.push(chunk);
    },
    destroy() {
      this.destroyed = true;
    },
  };
}

describe('answers to requests the server cannot parse', () => {
  it('oversized headers: 431 application/problem+json', () => {
    const s = socket();
    answerClientError(
      Object.assign(new Error('too big'), { code: 'HPE_HEADER_OVERFLOW' }),
      s as never,
    );
    const [raw] = s.sent;
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(raw.split('\r\n\r\n')[1]);
    expect(body).toMatchObject({
      status: 431,
      type: expect.stringContaining('request-header-fields-too-large'),
    });
    expect(raw).toContain(`Content-Length: ${Buffer.byteLength(raw.split('\r\n\r\n')[1])}`);
  });

  it('anything else malformed: 400; a reset connection gets nothing', () => {
    const s = socket();
    answerClientError(Object.assign(new Error('bad'), { code: 'HPE_INVALID_METHOD' }), s as never);
    expect(s.sent[0]).toMatch(/^HTTP\/1\.1 400 /);
    const reset = socket();
    answerClientError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset as never);
    expect(reset.sent).toEqual([]);
    expect(reset.destroyed).toBe(true);
  });

  it('a request that did not arrive in time: 408 request-timeout naming the setting', () => {
    const s = socket();
    answerClientError(
      Object.assign(new Error('late'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
      s as never,
    );
    expect(s.sent[0]).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(s.sent[0].split('\r\n\r\n')[1])).toMatchObject({
      status: 408,
      type: 'https://motcua.gov.vn/problems/request-timeout',
      detail: expect.stringContaining('HTTP_REQUEST_TIMEOUT_S'),
    });
  });
});

describe('request timeouts for the HTTP server', () => {
  it("the default: 300 s for the request, Node's minute for the headers, checked every 30 s", () => {
    expect(requestTimeouts(300)).toEqual({
      requestTimeout: 300_000,
      headersTimeout: 60_000,
      connectionsCheckingInterval: 30_000,
    });
  });

  it('a short timeout bounds the headers too and is checked often enough to hold', () => {
    expect(requestTimeouts(1)).toEqual({
      requestTimeout: 1000,
      headersTimeout: 1000,
      connectionsCheckingInterval: 250,
    });
  });
});
