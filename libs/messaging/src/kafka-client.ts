import { readFileSync } from 'node:fs';
import {
  Kafka,
  KafkaJSSASLAuthenticationError,
  logLevel,
  type KafkaConfig,
  type LogEntry,
} from 'kafkajs';
import type { CommonServiceConfig } from '@motcua/config';
import type { Logger } from '@motcua/observability';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** How the client signs in and encrypts: the KafkaJS `sasl` and `ssl` options. */
export type KafkaSecurity = Pick<KafkaConfig, 'sasl' | 'ssl'>;

/**
 * The service's Kafka identity from its validated configuration: SASL/SCRAM with its own user
 * (SASL_PLAINTEXT, SASL_SSL), TLS with the configured CA (SASL_SSL), nothing for PLAINTEXT.
 */
export function kafkaSecurityOf(
  config: Pick<
    CommonServiceConfig,
    | 'KAFKA_SECURITY_PROTOCOL'
    | 'KAFKA_SASL_MECHANISM'
    | 'KAFKA_SASL_USERNAME'
    | 'KAFKA_SASL_PASSWORD'
    | 'KAFKA_SSL_CA_FILE'
  >,
): KafkaSecurity {
  if (config.KAFKA_SECURITY_PROTOCOL === 'PLAINTEXT') return {};
  const sasl = {
    mechanism: config.KAFKA_SASL_MECHANISM,
    username: config.KAFKA_SASL_USERNAME ?? '',
    password: config.KAFKA_SASL_PASSWORD ?? '',
  };
  if (config.KAFKA_SECURITY_PROTOCOL === 'SASL_PLAINTEXT') return { sasl };
  const ssl = config.KAFKA_SSL_CA_FILE
    ? { ca: [readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8')] }
    : true;
  return { sasl, ssl };
}

/** A KafkaJS client, signed in as `security` says, whose logs go to the service's JSON logger. */
export function createKafka(
  clientId: string,
  brokers: string[],
  logger: Logger,
  security: KafkaSecurity = {},
): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...security,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[LEVELS[level] ?? 'info']({ kafka: extra }, message);
      },
  });
}

/**
 * Signs in once at start, so that a wrong identity stops the service with a clear message instead
 * of surfacing at the first publish (the outbox relay would retry forever). A broker that does not
 * answer is not this check's business: the clients retry, the service starts.
 */
export async function checkKafkaIdentity(
  brokers: string[],
  security: KafkaSecurity,
  logger: Logger,
): Promise<void> {
  if (!security.sasl) return;
  const admin = new Kafka({
    clientId: 'motcua-identity-check',
    brokers,
    ...security,
    connectionTimeout: 3000,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
  } catch (error) {
    if (
      error instanceof KafkaJSSASLAuthenticationError ||
      (error as Error).name === 'KafkaJSSASLAuthenticationError'
    ) {
      const user = 'username' in security.sasl ? security.sasl.username : '?';
      throw new Error(
        `Kafka refused the identity ${user}: ${(error as Error).message} (check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD)`,
      );
    }
    logger.warn(
      { err: error },
      'Kafka did not answer the identity check at start; the clients will retry',
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
