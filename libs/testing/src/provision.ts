import { SERVICES, type ServiceName } from '@motcua/contracts';
import type { Infrastructure } from './infrastructure';
import { ensureTopics } from './kafka';
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
 * and is migrated, Redis answers, and every declared Kafka topic exists.
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
  await ensureTopics(infra.kafkaBrokers, readKafkaCredentials(infra.kafkaCredentialsDir, 'admin'));
  log(`kafka topics ready at ${infra.kafkaBrokers.join(',')}`);
}
