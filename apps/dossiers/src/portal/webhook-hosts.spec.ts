import { allowedHostsEnv, webhookHostAllowed } from './webhook-hosts';

describe('webhook host allow-list', () => {
  const allowed = allowedHostsEnv.parse('portal.tinh.gov.vn, *.dichvucong.gov.vn,127.0.0.1,[::1]');

  it.each([
    ['https://portal.tinh.gov.vn/hook', true],
    ['https://PORTAL.tinh.gov.vn:8443/hook', true],
    ['https://a.dichvucong.gov.vn/hook', true],
    ['https://b.a.dichvucong.gov.vn/hook', true],
    ['http://127.0.0.1:9000/hook', true],
    ['http://[::1]:9000/hook', true],
    ['https://dichvucong.gov.vn/hook', false],
    ['https://evildichvucong.gov.vn/hook', false],
    ['https://portal.tinh.gov.vn.evil.example/hook', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://localhost:9000/hook', false],
    ['http://127.0.0.2/hook', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(webhookHostAllowed(url, allowed)).toBe(expected);
  });

  it('allows nothing when no host is configured, and refuses a malformed entry', () => {
    expect(allowedHostsEnv.parse(undefined)).toEqual([]);
    expect(webhookHostAllowed('https://portal.tinh.gov.vn/hook', [])).toBe(false);
    expect(allowedHostsEnv.safeParse('portal.tinh.gov.vn/hook').success).toBe(false);
    expect(allowedHostsEnv.safeParse('*').success).toBe(false);
  });
});
