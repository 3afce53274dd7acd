import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL with protocol ${protocols.join(' or ')}`,
    );

const brokerList = z
  .string()
  .min(1)
  .refine(
    (value) => value.split(',').every((b) => /^[\w.-]+:\d{1,5}$/.test(b.trim())),
    'must be a comma-separated list of host:port',
  )
  .transform((value) => value.split(',').map((b) => b.trim()));

/**
 * How a service talks to Kafka, as Kafka's own `security.protocol` names it. SASL_PLAINTEXT (the
 * default: the local and test brokers, loopback only) and SASL_SSL (production) sign in with the
 * service's own SCRAM identity; PLAINTEXT (no identity) only for a broker that has none.
 */
export const KAFKA_SECURITY_PROTOCOLS = ['SASL_PLAINTEXT', 'SASL_SSL', 'PLAINTEXT'] as const;

/** Variables every motcua service reads. Services extend this with their own. */
export const commonServiceEnv = {
  PORT: z.coerce.number().int().min(1).max(65535),
  /**
   * Management port serving /metrics (never the public port). Default 9464, the Prometheus
   * exporters' port; 0 picks a free one (tests). The local stack uses 9101-9105.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  DATABASE_URL: url(['postgresql:', 'postgres:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  KAFKA_BROKERS: brokerList,
  KAFKA_SECURITY_PROTOCOL: z.enum(KAFKA_SECURITY_PROTOCOLS).default('SASL_PLAINTEXT'),
  /** The service's Kafka identity (one per service; see README "Kafka identities"). */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512']).default('scram-sha-512'),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** PEM file of the CA that signed the brokers' certificates (SASL_SSL); default: Node's trust store. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  /** JWKS of the identity provider: https://… in production, file://… for the local dev key. */
  AUTH_JWKS_URL: url(['https:', 'http:', 'file:']),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** How far the identity provider's clock may differ from ours (exp, nbf, iat), in seconds. */
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Least time between two JWKS fetches caused by a token signed with an unknown key, in seconds. */
  AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /**
   * Whether the service checks each JSON success answer against the response schema its OpenAPI
   * document publishes: off, log (an error line per answer that differs) or enforce (such an
   * answer becomes a 500 problem; the integration tests run with it, ADR 0031).
   */
  RESPONSE_SCHEMA_CHECK: z.enum(['off', 'log', 'enforce']).default('off'),
  /** Public base URL of the service, used in links (QR codes, lookups). */
  PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
  /**
   * On SIGTERM, how long the service keeps accepting connections (answering readiness 503, each
   * response with `Connection: close`) before it closes its port: the time a load balancer needs to
   * see the readiness and send no more. 0 (the default) closes at once; behind a load balancer or a
   * Kubernetes Service, set it to the probe period times the failure threshold (or use a preStop sleep).
   */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(120).default(0),
  /**
   * Load shedding (ADR 0040): how many HTTP requests one process serves at once; one more is
   * refused at once with 503 `overloaded` and Retry-After: 1 instead of queueing behind the others.
   * Liveness and readiness are never refused. 0 turns the limit off.
   */
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(64),
  /**
   * Where the service's outbox relay runs: `in-process` (the default) on the service's event loop,
   * or `process`, a child process of the same build (libs/messaging relay-process.ts), so that
   * publishing to Kafka does not share the request path's event loop and CPU accounting.
   */
  OUTBOX_RELAY: z.enum(['in-process', 'process']).default('in-process'),
  /** OpenTelemetry traces (libs/observability/src/tracing.ts): off unless `true`. */
  TRACING_ENABLED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  /** Where spans go when tracing is on: an OTLP/HTTP traces endpoint (…:4318/v1/traces). */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url(['http:', 'https:']).optional(),
  /** Share of new traces kept, 0 to 1 (a trace begun by a caller follows its decision). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
};

export type CommonServiceConfig = {
  PORT: number;
  METRICS_PORT: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  KAFKA_BROKERS: string[];
  KAFKA_SECURITY_PROTOCOL: (typeof KAFKA_SECURITY_PROTOCOLS)[number];
  KAFKA_SASL_MECHANISM: 'scram-sha-512';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SSL_CA_FILE?: string;
  AUTH_JWKS_URL: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_CLOCK_SKEW_SECONDS: number;
  AUTH_JWKS_COOLDOWN_SECONDS: number;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  RESPONSE_SCHEMA_CHECK: 'off' | 'log' | 'enforce';
  PUBLIC_BASE_URL?: string;
  SHUTDOWN_DELAY_SECONDS: number;
  MAX_REQUESTS_IN_FLIGHT: number;
  OUTBOX_RELAY: 'in-process' | 'process';
  TRACING_ENABLED: boolean;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_TRACES_SAMPLER_ARG: number;
};

/** Nest injection token of the validated configuration of the running service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

type KafkaSecurity = Partial<
  Pick<
    CommonServiceConfig,
    | 'KAFKA_SECURITY_PROTOCOL'
    | 'KAFKA_SASL_USERNAME'
    | 'KAFKA_SASL_PASSWORD'
    | 'KAFKA_SSL_CA_FILE'
    | 'TRACING_ENABLED'
    | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
  >
>;

/**
 * Rules every service's configuration obeys (loadConfig applies them when the shape has the
 * variables): a SASL protocol needs the service's user and password; a CA file only means
 * something over TLS.
 */
export const commonServiceRules: ((config: KafkaSecurity) => string | undefined)[] = [
  ({
    KAFKA_SECURITY_PROTOCOL: protocol,
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD: password,
  }) => {
    if (!protocol?.startsWith('SASL_') || (user && password)) return undefined;
    const missing = [
      user ? undefined : 'KAFKA_SASL_USERNAME',
      password ? undefined : 'KAFKA_SASL_PASSWORD',
    ].filter(Boolean);
    return `${missing.join(' and ')} required when KAFKA_SECURITY_PROTOCOL is ${protocol}: the broker admits only signed-in identities (set KAFKA_SECURITY_PROTOCOL=PLAINTEXT only for a broker without them)`;
  },
  ({ KAFKA_SECURITY_PROTOCOL: protocol, KAFKA_SSL_CA_FILE: caFile }) =>
    caFile && protocol !== 'SASL_SSL'
      ? `KAFKA_SSL_CA_FILE is set but KAFKA_SECURITY_PROTOCOL is ${protocol}: the CA is used over TLS only (SASL_SSL)`
      : undefined,
  ({ TRACING_ENABLED: enabled, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint }) =>
    enabled && !endpoint
      ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT required when TRACING_ENABLED is true: the spans need a collector to go to'
      : undefined,
];
