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
  KAFKA_SASL_USERNAME: 'motcua-catalog',
  KAFKA_SASL_PASSWORD: 'secret-from-the-store',
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
    // The Kafka identity is required by a rule across variables (SASL protocols), not by the shape.
    expect(described.filter((v) => !v.required).map((v) => v.name)).toEqual([
      'METRICS_PORT',
      'KAFKA_SECURITY_PROTOCOL',
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
      'KAFKA_SSL_CA_FILE',
      'AUTH_CLOCK_SKEW_SECONDS',
      'AUTH_JWKS_COOLDOWN_SECONDS',
      'LOG_LEVEL',
      'RESPONSE_SCHEMA_CHECK',
      'PUBLIC_BASE_URL',
      'SHUTDOWN_DELAY_SECONDS',
      'MAX_REQUESTS_IN_FLIGHT',
      'OUTBOX_RELAY',
      'TRACING_ENABLED',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
  });

  it('keeps tracing off by default, and needs a collector when it is on', () => {
    const config = loadConfig(commonServiceEnv, valid);
    expect(config.TRACING_ENABLED).toBe(false);
    expect(config.OTEL_TRACES_SAMPLER_ARG).toBe(1);
    expect(() => loadConfig(commonServiceEnv, { ...valid, TRACING_ENABLED: 'true' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT required when TRACING_ENABLED is true/,
    );
    expect(() => loadConfig(commonServiceEnv, { ...valid, TRACING_ENABLED: 'yes' })).toThrow(
      /TRACING_ENABLED is malformed: must be true or false/,
    );
    expect(() =>
      loadConfig(commonServiceEnv, {
        ...valid,
        TRACING_ENABLED: 'true',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318',
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is malformed/);
    expect(
      loadConfig(commonServiceEnv, {
        ...valid,
        TRACING_ENABLED: 'true',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toMatchObject({ TRACING_ENABLED: true, OTEL_TRACES_SAMPLER_ARG: 0.25 });
    expect(() => loadConfig(commonServiceEnv, { ...valid, OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG is malformed/,
    );
  });

  it('signs in to Kafka by default: SASL_PLAINTEXT with SCRAM-SHA-512 needs the user and password', () => {
    const config = loadConfig(commonServiceEnv, valid);
    expect([config.KAFKA_SECURITY_PROTOCOL, config.KAFKA_SASL_MECHANISM]).toEqual([
      'SASL_PLAINTEXT',
      'scram-sha-512',
    ]);
    const { KAFKA_SASL_PASSWORD: _password, ...withoutPassword } = valid;
    expect(() => loadConfig(commonServiceEnv, withoutPassword)).toThrow(
      /KAFKA_SASL_PASSWORD required when KAFKA_SECURITY_PROTOCOL is SASL_PLAINTEXT/,
    );
    const { KAFKA_SASL_USERNAME: _user, ...anonymous } = withoutPassword;
    expect(() =>
      loadConfig(commonServiceEnv, { ...anonymous, KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' }),
    ).toThrow(
      /KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD required when KAFKA_SECURITY_PROTOCOL is SASL_SSL/,
    );
    expect(
      loadConfig(commonServiceEnv, { ...anonymous, KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' })
        .KAFKA_SASL_USERNAME,
    ).toBeUndefined();
  });

  it('refuses an unknown Kafka protocol or mechanism, and a CA file without TLS', () => {
    expect(() =>
      loadConfig(commonServiceEnv, { ...valid, KAFKA_SECURITY_PROTOCOL: 'SSL' }),
    ).toThrow(/KAFKA_SECURITY_PROTOCOL is malformed/);
    expect(() => loadConfig(commonServiceEnv, { ...valid, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_MECHANISM is malformed/,
    );
    expect(() =>
      loadConfig(commonServiceEnv, { ...valid, KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' }),
    ).toThrow(/KAFKA_SSL_CA_FILE is set but KAFKA_SECURITY_PROTOCOL is SASL_PLAINTEXT/);
    expect(
      loadConfig(commonServiceEnv, {
        ...valid,
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      }).KAFKA_SSL_CA_FILE,
    ).toBe('/etc/kafka/ca.pem');
  });
});
