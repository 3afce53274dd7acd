import type { ServiceName } from '@motcua/contracts';
import {
  databaseUrl,
  readKafkaCredentials,
  type KafkaIdentity,
  type KafkaSasl,
} from '@motcua/stack';

/**
 * Test databases are `motcua_test_<service>`; MOTCUA_TEST_DB_PREFIX lets two checkouts on one
 * machine run their suites side by side without sharing databases.
 */
export const TEST_DB_PREFIX = process.env.MOTCUA_TEST_DB_PREFIX ?? 'motcua_test';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the tests through Jest's global setup (npm test or nx test).`,
    );
  }
  return value;
}

/** The real infrastructure the global setup prepared for this run. */
export const testEnv = {
  databaseUrl: (service: ServiceName) =>
    databaseUrl(required('MOTCUA_TEST_PG_SERVER'), `${TEST_DB_PREFIX}_${service}`),
  postgresServer: () => required('MOTCUA_TEST_PG_SERVER'),
  redisUrl: () => required('MOTCUA_TEST_REDIS_URL'),
  kafkaBrokers: () => required('MOTCUA_TEST_KAFKA_BROKERS').split(','),
  /** The folder of the test broker's `<identity>.env` credentials. */
  kafkaCredentialsDir: () => required('MOTCUA_TEST_KAFKA_CREDENTIALS'),
  /** The test broker's credentials of an identity (the folder the global setup found). */
  kafkaSasl: (identity: KafkaIdentity): KafkaSasl =>
    readKafkaCredentials(required('MOTCUA_TEST_KAFKA_CREDENTIALS'), identity),
  jwksUrl: () => required('MOTCUA_TEST_JWKS_URL'),
  /** The issuer of the run's OpenID Connect provider (tokens' iss, the services' AUTH_ISSUER). */
  authIssuer: () => required('MOTCUA_TEST_AUTH_ISSUER'),
  idpTokenUrl: () => required('MOTCUA_TEST_IDP_TOKEN_URL'),
  idpClientSecret: () => required('MOTCUA_TEST_IDP_CLIENT_SECRET'),
  applicantKeySecret: () => required('MOTCUA_TEST_APPLICANT_KEY_SECRET'),
};
