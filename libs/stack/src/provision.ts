import { SERVICES, allKafkaAcls, type ServiceName } from '@motcua/contracts';
import type { Infrastructure } from './infrastructure';
import { ensureTopics } from './kafka';
import { syncKafkaAcls } from './kafka-acl-sync';
import { readKafkaCredentials } from './kafka-credentials';
import { migrateService } from './migrate';
import { databaseUrl, ensureDatabases } from './postgres';
import { checkRedis } from './redis';

/** Database name of a service: `motcua_<service>` for the stack, `motcua_test_<service>` for tests. */
export function databaseName(prefix: string, service: ServiceName): string {
  return `${prefix}_${service}`;
}

/**
 * Makes the infrastructure ready for the services: every service's database exists
 * and is migrated, Redis answers, every declared Kafka topic exists and the ACLs of the
 * services' identities are those the contracts call for.
 */
export async function provision(
  infra: Infrastructure,
  prefix: string,
  log: (line: string) => void = () => undefined,
  options: { disposable?: boolean } = {},
) {
  const names = SERVICES.map((service) => databaseName(prefix, service));
  await ensureDatabases(infra.postgresServerUrl, names);
  for (const service of SERVICES) {
    const url = databaseUrl(infra.postgresServerUrl, databaseName(prefix, service));
    const outcome = await migrateService(service, url, options);
    log(`${service}: migrations ${outcome}`);
  }
  await checkRedis(infra.redisUrl);
  const admin = readKafkaCredentials(infra.kafkaCredentialsDir, 'admin');
  await ensureTopics(infra.kafkaBrokers, admin);
  // The ACLs the contracts call for (a no-op on a broker kafka.sh has just started).
  const acls = await syncKafkaAcls(infra.kafkaBrokers, admin, allKafkaAcls());
  log(
    `kafka topics and ACLs ready at ${infra.kafkaBrokers.join(',')} (${acls.created} ACLs created, ${acls.deleted} deleted)`,
  );
}
