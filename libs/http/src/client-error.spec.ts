import { answerClientError } from './client-error';

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
});
