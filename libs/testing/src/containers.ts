import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import type { Infrastructure } from './infrastructure';

/** PostgreSQL, Redis and Kafka (the official apache/kafka image, KRaft) in containers, for hosts with Docker. */
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
    const kafka = await new GenericContainer('apache/kafka:4.1.0')
      .withExposedPorts({ container: kafkaPort, host: kafkaPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${kafkaPort},CONTROLLER://0.0.0.0:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start();
    started.push(kafka);
    return {
      mode: 'testcontainers',
      postgresServerUrl: `postgresql://postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
      redisUrl: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
      kafkaBrokers: [`127.0.0.1:${kafkaPort}`],
      kafkaCredentialsDir: '',
      stop: async () => {
        await Promise.all(started.map((container) => container.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((container) => container.stop().catch(() => undefined)));
    throw error;
  }
}
