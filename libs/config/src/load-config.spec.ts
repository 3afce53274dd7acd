import { ConfigError, describeEnv, loadConfig } from './load-config';
import { commonServiceEnv } from './common-env';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/motcua_catalog',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.2:9092',
  AUTH_JWKS_URL: 'file:///tmp/jwks.json',
  AUTH_ISSUER: 'motcua-dev',
  AUTH_AUDIENCE: 'motcua',
};

describe('loadConfig', () => {
  it('parses and coerces valid variables', () => {
    const config = loadConfig(commonServiceEnv, valid);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.2:9092']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    expect(() => loadConfig(commonServiceEnv, rest)).toThrow(/DATABASE_URL is required/);
  });

  it('names a malformed variable and its rule, listing every problem', () => {
    try {
      loadConfig(commonServiceEnv, { ...valid, PORT: 'eighty', KAFKA_BROKERS: 'localhost' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT is malformed/);
      expect(problems).toMatch(
        /KAFKA_BROKERS is malformed: must be a comma-separated list of host:port/,
      );
    }
  });

  it('applies rules across variables after each variable is valid', () => {
    const httpsOnlyWithSecret = (config: { AUTH_JWKS_URL: string }) =>
      config.AUTH_JWKS_URL.startsWith('https:')
        ? 'SECRET is required when AUTH_JWKS_URL is https'
        : undefined;
    expect(loadConfig(commonServiceEnv, valid, [httpsOnlyWithSecret]).AUTH_JWKS_URL).toBe(
      'file:///tmp/jwks.json',
    );
    expect(() =>
      loadConfig(commonServiceEnv, { ...valid, AUTH_JWKS_URL: 'https://idp.example/jwks' }, [
        httpsOnlyWithSecret,
      ]),
    ).toThrow(/SECRET is required when AUTH_JWKS_URL is https/);
  });

  it('describes which variables are required: no default and not optional', () => {
    const described = describeEnv(commonServiceEnv);
    expect(described.filter((v) => v.required).map((v) => v.name)).toEqual([
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'KAFKA_BROKERS',
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
    ]);
    expect(described.filter((v) => !v.required).map((v) => v.name)).toEqual([
      'METRICS_PORT',
      'AUTH_CLOCK_SKEW_SECONDS',
      'AUTH_JWKS_COOLDOWN_SECONDS',
      'LOG_LEVEL',
      'PUBLIC_BASE_URL',
    ]);
  });
});
