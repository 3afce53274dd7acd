import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { Pool } from 'pg';
import {
  fromKafkaMessage,
  portalDossierStatus,
  portalDossierStatusSchema,
} from '@motcua/contracts';
import type { PortalSyncConfig } from './config';
import { applyStatus } from './portal-table';

/**
 * Follows `portal.dossier-status.v1` as the portal's read-only principal in the portal's own group.
 * Each message: CloudEvents headers checked, the status validated against the published (closed)
 * schema, applied latest-wins by ce_sequence. Offsets are committed after the message is applied,
 * so a crash replays at most the uncommitted tail — harmless under latest-wins.
 */
export async function followStream(pool: Pool, config: PortalSyncConfig): Promise<Consumer> {
  const kafka = new Kafka({
    clientId: config.PORTAL_SYNC_GROUP,
    brokers: config.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    ssl: config.KAFKA_SECURITY_PROTOCOL === 'SASL_SSL',
    sasl: {
      mechanism: 'scram-sha-512',
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD,
    },
    logLevel: logLevel.ERROR,
  });
  // A killed member holds its partitions until its session times out: 10 s, not the default 30 s.
  const consumer = kafka.consumer({
    groupId: config.PORTAL_SYNC_GROUP,
    sessionTimeout: 10_000,
    heartbeatInterval: 3000,
  });
  await consumer.connect();
  // A new group starts at the beginning: the topic is compacted, so that is every dossier.
  await consumer.subscribe({ topic: portalDossierStatus.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      let event;
      try {
        event = fromKafkaMessage(message.headers, message.value);
      } catch (error) {
        // A real portal dead-letters it; the sample logs and moves on.
        console.error(`portal-sync: malformed message skipped: ${(error as Error).message}`);
        return;
      }
      if (event.type !== portalDossierStatus.type) return; // unknown types are skipped
      const status = portalDossierStatusSchema.safeParse(event.data);
      if (!status.success || !event.sequence) {
        console.error(`portal-sync: invalid status of ${event.subject} skipped`);
        return;
      }
      await applyStatus(pool, {
        dossierCode: status.data.dossierCode,
        sequence: Number(event.sequence),
        changedAt: event.time,
        status: status.data,
      });
      if (config.PORTAL_SYNC_DELAY_MS > 0) {
        await new Promise((resolve) => setTimeout(resolve, config.PORTAL_SYNC_DELAY_MS));
      }
    },
  });
  return consumer;
}
