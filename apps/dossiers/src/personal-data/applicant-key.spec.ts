import { applicantKeyOf } from '@motcua/contracts';
import { loadConfig, type ConfigError } from '@motcua/config';
import { dossiersEnv } from '../config';
import { applicantKeyFor } from './applicant-key';

describe('applicantKeyFor', () => {
  it('is an HMAC of the normalised identifier that depends on the secret and never contains the identifier', () => {
    const a = applicantKeyFor('001099012345', 'secret-number-one-123');
    const b = applicantKeyFor('001099012345', 'secret-number-two-456');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(applicantKeyFor('001 099.012-345', 'secret-number-one-123')).toBe(a);
    expect(a).not.toBe(applicantKeyOf('001099012345'));
    expect(a).not.toContain('001099012345');
  });

  it('refuses to key an applicant without a secret, or with one shorter than 16 characters', () => {
    expect(() => applicantKeyFor('001099012345', undefined)).toThrow(
      /^APPLICANT_KEY_SECRET is required \(at least 16 characters\)/,
    );
    expect(() => applicantKeyFor('001099012345', '')).toThrow(/APPLICANT_KEY_SECRET is required/);
    expect(() => applicantKeyFor('001099012345', 'x'.repeat(15))).toThrow(
      /APPLICANT_KEY_SECRET is required/,
    );
    expect(applicantKeyFor('001099012345', 'x'.repeat(16))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('APPLICANT_KEY_SECRET in the configuration', () => {
  const env = {
    PORT: '3102',
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/motcua_dossiers',
    REDIS_URL: 'redis://127.0.0.1:6379',
    KAFKA_BROKERS: '127.0.0.1:9092',
    KAFKA_SASL_USERNAME: 'motcua-dossiers',
    KAFKA_SASL_PASSWORD: 'a-test-password',
    AUTH_JWKS_URL: 'http://127.0.0.1:3100/jwks',
    AUTH_ISSUER: 'http://127.0.0.1:3100',
    AUTH_AUDIENCE: 'motcua',
  };
  const problems = (values: Record<string, string>) => {
    try {
      loadConfig(dossiersEnv, values);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('is required in every stack, development included, and named when missing', () => {
    expect(problems(env)).toEqual([
      expect.stringMatching(/^APPLICANT_KEY_SECRET is required but not set/),
    ]);
  });

  it('is refused when shorter than 16 characters, and accepted from 16', () => {
    expect(problems({ ...env, APPLICANT_KEY_SECRET: 'short' })).toEqual([
      'APPLICANT_KEY_SECRET is malformed: must be at least 16 characters',
    ]);
    expect(problems({ ...env, APPLICANT_KEY_SECRET: 'x'.repeat(16) })).toEqual([]);
  });
});
