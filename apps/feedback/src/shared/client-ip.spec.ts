import { clientIpOf } from './client-ip';
import { normaliseContact } from './sender-key';

describe('clientIpOf', () => {
  const request = { ip: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.2' } };
  it('ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientIpOf(request, 0)).toBe('10.0.0.1');
  });
  it('takes the entry added by the trusted proxy', () => {
    expect(clientIpOf(request, 1)).toBe('198.51.100.2');
    expect(clientIpOf(request, 2)).toBe('203.0.113.9');
  });
});

describe('normaliseContact', () => {
  it('compares phones by digits (+84 is 0) and e-mails without case', () => {
    expect(normaliseContact({ phone: '+84 912.345.678' })).toBe(
      normaliseContact({ phone: '0912345678' }),
    );
    expect(normaliseContact({ email: ' An@Example.VN ' })).toBe('email:an@example.vn');
    expect(normaliseContact({})).toBeUndefined();
  });
});
