import { applicantKeyOf } from '@motcua/contracts';
import { applicantKeyFor } from './applicant-key';

describe('applicantKeyFor', () => {
  it('falls back to the contracts’ sha-256 without a secret, normalising the identifier', () => {
    expect(applicantKeyFor('001 099.012-345', undefined)).toBe(applicantKeyOf('001099012345'));
  });
  it('is an HMAC that depends on the secret and never contains the identifier', () => {
    const a = applicantKeyFor('001099012345', 'secret-number-one-123');
    const b = applicantKeyFor('001099012345', 'secret-number-two-456');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(applicantKeyOf('001099012345'));
    expect(a).not.toContain('001099012345');
  });
});
