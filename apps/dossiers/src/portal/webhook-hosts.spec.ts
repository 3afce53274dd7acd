import {
  allowedHostsEnv,
  internalAddress,
  webhookAddressRefusal,
  webhookHostAllowed,
} from './webhook-hosts';

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

describe('webhook receivers that resolve inside the network', () => {
  const allowed = allowedHostsEnv.parse('*.tinh.gov.vn, noibo.tinh.gov.vn, 10.1.2.3');
  const dns: Record<string, string[]> = {
    'portal.tinh.gov.vn': ['203.113.1.10'],
    'metadata.tinh.gov.vn': ['169.254.169.254'],
    'loop.tinh.gov.vn': ['203.113.1.10', '127.0.0.1'],
    'v6.tinh.gov.vn': ['fd00::5'],
    'mapped.tinh.gov.vn': ['::ffff:192.168.1.1'],
    'noibo.tinh.gov.vn': ['10.1.2.3'],
  };
  const resolve = async (host: string) => dns[host] ?? [];

  it.each([
    ['https://portal.tinh.gov.vn/hook', undefined],
    ['https://noibo.tinh.gov.vn/hook', undefined],
    ['https://gone.tinh.gov.vn/hook', undefined],
    ['https://metadata.tinh.gov.vn/hook', '169.254.169.254'],
    ['https://loop.tinh.gov.vn/hook', '127.0.0.1'],
    ['https://v6.tinh.gov.vn/hook', 'fd00::5'],
    ['https://mapped.tinh.gov.vn/hook', '::ffff:192.168.1.1'],
  ])('%s → refused for %s', async (url, address) => {
    const refusal = await webhookAddressRefusal(url, allowed, resolve);
    if (address === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toContain(address);
  });

  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.1.1',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      '100.64.0.1',
    ])
      expect(internalAddress(a)).toBe(true);
    for (const a of ['203.113.1.10', '8.8.8.8', '2001:4860:4860::8888', '172.32.0.1'])
      expect(internalAddress(a)).toBe(false);
  });
});
