import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { ensureKafkaCredentials, repoRoot, type Infrastructure } from '@motcua/stack';

/**
 * PostgreSQL, Redis and Kafka (the official apache/kafka image, KRaft) in containers, for hosts
 * with Docker. The broker has identities as the local one: infra/kafka/container-broker.sh runs
 * it with SASL/SCRAM and the StandardAuthorizer, and adds the users of credentials generated here
 * (the ACLs are applied by provision, as for every broker).
 */
export async function startContainers(): Promise<Infrastructure> {
  const started: StartedTestContainer[] = [];
  try {
    const postgres = await new GenericContainer('postgres:16-alpine')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    started.push(postgres);
    const redis = await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
    started.push(redis);
    // Kafka must advertise the host port it is reachable on; a fixed free port keeps it simple.
    const kafkaPort = 19092 + Math.floor(Math.random() * 1000);
    const kafkaCredentialsDir = mkdtempSync(join(tmpdir(), 'motcua-kafka-credentials-'));
    ensureKafkaCredentials(kafkaCredentialsDir);
    const kafka = await new GenericContainer('apache/kafka:4.1.2')
      .withExposedPorts({ container: kafkaPort, host: kafkaPort })
      .withEnvironment({
        KAFKA_PORT: String(kafkaPort),
        KAFKA_ADVERTISED_HOST: '127.0.0.1',
        TOPICS_FILE: '/dev/null',
      })
      // root in this throwaway container: the copied credentials keep their owner-only mode.
      .withUser('root')
      .withCopyFilesToContainer([
        {
          source: join(repoRoot(), 'infra/kafka/container-broker.sh'),
          target: '/motcua/container-broker.sh',
        },
      ])
      .withCopyDirectoriesToContainer([{ source: kafkaCredentialsDir, target: '/credentials' }])
      .withEntrypoint(['/bin/bash', '/motcua/container-broker.sh', 'start'])
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start();
    started.push(kafka);
    const users = await kafka.exec(['/bin/bash', '/motcua/container-broker.sh', 'init']);
    if (users.exitCode !== 0) throw new Error(`adding the Kafka users failed:\n${users.output}`);
    return {
      mode: 'testcontainers',
      postgresServerUrl: `postgresql://postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
      redisUrl: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
      kafkaBrokers: [`127.0.0.1:${kafkaPort}`],
      kafkaCredentialsDir,
      stop: async () => {
        await Promise.all(started.map((container) => container.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((container) => container.stop().catch(() => undefined)));
    throw error;
  }
}
