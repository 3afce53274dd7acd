import { dossiersRules } from '../config';
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

describe('the production rule for APPLICANT_KEY_SECRET', () => {
  const [rule] = dossiersRules;
  it('requires the secret with an https identity provider and names the variable', () => {
    expect(rule({ AUTH_JWKS_URL: 'https://idp.example.gov.vn/jwks' })).toMatch(/^APPLICANT_KEY_SECRET is required/);
    expect(rule({ AUTH_JWKS_URL: 'https://idp.example.gov.vn/jwks', APPLICANT_KEY_SECRET: 'x'.repeat(32) })).toBeUndefined();
  });
  it('leaves development with the local file key free to go without it', () => {
    expect(rule({ AUTH_JWKS_URL: 'file:///work/.data/auth/jwks.json' })).toBeUndefined();
  });
});
