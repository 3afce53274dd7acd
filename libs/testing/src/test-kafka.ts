import type { Kafka } from 'kafkajs';
import { kafkaClient, type KafkaSasl } from '@motcua/stack';
import { testEnv } from './test-env';

/**
 * A KafkaJS client for test harnesses, signed in as the admin of the test broker by default (it
 * produces and reads any topic, as a test must); pass another identity's credentials to act as
 * that principal, or `null` to connect anonymously.
 */
export function testKafka(
  brokers: string[],
  clientId = 'motcua-test',
  sasl: KafkaSasl | null = testEnv.kafkaSasl('admin'),
): Kafka {
  return kafkaClient(brokers, clientId, sasl);
}
