import { join } from 'node:path';
import { readKafkaCredentials, repoRoot, type KafkaSasl } from '@motcua/stack';

/**
 * The identity operators' tools (ACLs, dead letters, benches) sign in to Kafka with: the admin.
 * In production from the environment (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, from the secret
 * store); otherwise from a credentials folder (`credentialsDir`, else KAFKA_CREDENTIALS_DIR, else
 * the local broker's infra/kafka/.data/credentials).
 */
export function operatorKafkaSasl(credentialsDir?: string): KafkaSasl {
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
  if (!credentialsDir && username && password)
    return { mechanism: 'scram-sha-512', username, password };
  const dir =
    credentialsDir ??
    process.env.KAFKA_CREDENTIALS_DIR ??
    join(repoRoot(), 'infra/kafka/.data/credentials');
  return readKafkaCredentials(dir, 'admin');
}
