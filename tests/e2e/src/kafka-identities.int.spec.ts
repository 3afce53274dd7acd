import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import {
  KAFKA_PRINCIPALS,
  SERVICES,
  TOPICS,
  kafkaAclsOf,
  type ServiceName,
  type TopicName,
} from '@motcua/contracts';
import { type KafkaSasl } from '@motcua/stack';
import { startService, testEnv, testKafka, waitFor } from '@motcua/testing';

/**
 * The test broker runs as production does: SASL/SCRAM-SHA-512 and the StandardAuthorizer with
 * allow.everyone.if.no.acl.found=false. Each principal may do exactly what its ACLs, derived
 * from the contracts, allow; no identity, or a wrong password, gets no connection at all.
 */
/** The broker's TOPIC_AUTHORIZATION_FAILED, as KafkaJS reports it on metadata or fetch. */
const NOT_AUTHORIZED_TOPIC = /TOPIC_AUTHORIZATION_FAILED|Not authorized to access topics/;

describe('Kafka identities on the SASL test broker', () => {
  const brokers = testEnv.kafkaBrokers();
  /** A client that gives up fast: a refusal is the expected answer here. */
  const client = (sasl: KafkaSasl | null, clientId = 'identities-test') =>
    new Kafka({
      clientId,
      brokers,
      ...(sasl ? { sasl } : {}),
      connectionTimeout: 3000,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
  /** KafkaJS wraps the broker's error code (`type`) in retry and aggregate errors: name every layer. */
  type KafkaError = Error & { type?: string; originalError?: KafkaError; errors?: KafkaError[] };
  const describe_ = (e: KafkaError): string[] => [
    `${e.name}${e.type ? `:${e.type}` : ''}: ${e.message}`,
    ...(e.originalError ? describe_(e.originalError) : []),
    ...(e.errors ?? []).flatMap(describe_),
  ];
  const failureOf = async (attempt: () => Promise<unknown>): Promise<string> => {
    try {
      await attempt();
      return 'allowed';
    } catch (error) {
      return describe_(error as KafkaError).join(' <- ');
    }
  };
  const produceAs = async (sasl: KafkaSasl | null, topic: string): Promise<string> => {
    const producer = client(sasl).producer({ allowAutoTopicCreation: false });
    try {
      return await failureOf(async () => {
        await producer.connect();
        await producer.send({
          topic,
          acks: -1,
          messages: [{ key: `identities-test-${randomUUID()}`, value: '{}' }],
        });
      });
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  };
  const topicsProducedBy = (service: ServiceName): string[] =>
    kafkaAclsOf(service)
      .filter((acl) => acl.resourceType === 'TOPIC' && acl.operation === 'WRITE')
      .map((acl) => acl.resourceName);
  const topicExists = async (topic: string) => {
    const admin = testKafka(brokers, 'identities-test-admin').admin();
    await admin.connect();
    try {
      return (await admin.listTopics()).includes(topic);
    } finally {
      await admin.disconnect();
    }
  };

  it.each(SERVICES)(
    "%s cannot produce to any topic it does not publish (another service's, the portal stream, another DLQ)",
    async (service) => {
      const sasl = testEnv.kafkaSasl(service);
      const foreign = (Object.keys(TOPICS) as TopicName[]).filter(
        (topic) => !topicsProducedBy(service).includes(topic),
      );
      expect(foreign.length).toBeGreaterThan(0);
      for (const topic of foreign) {
        // Signed in (the refusal is the authorizer's, not the authenticator's), and refused.
        expect({ topic, outcome: await produceAs(sasl, topic) }).toEqual({
          topic,
          outcome: expect.stringMatching(NOT_AUTHORIZED_TOPIC),
        });
      }
    },
  );

  it("a service cannot create topics or join another service's consumer group", async () => {
    const feedback = client(testEnv.kafkaSasl('feedback'));
    const admin = feedback.admin();
    const topic = `identities-test.${randomUUID()}`;
    expect(
      await failureOf(async () => {
        await admin.connect();
        await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
      }),
    ).toMatch(/TOPIC_AUTHORIZATION_FAILED|CLUSTER_AUTHORIZATION_FAILED|Not authorized/i);
    await admin.disconnect();
    expect(await topicExists(topic)).toBe(false);

    // feedback reads catalog.procedure.v1, but only in its own groups (motcua.feedback…).
    const joinAs = (groupId: string) =>
      failureOf(async () => {
        const consumer = feedback.consumer({ groupId, retry: { retries: 0 } });
        try {
          await consumer.connect();
          await consumer.subscribe({ topics: ['catalog.procedure.v1'] });
          await new Promise<void>((resolve, reject) => {
            consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
            // Joined, synced and fetching: a clean point to leave the group.
            consumer.on(consumer.events.FETCH_START, () => resolve());
            void consumer.run({ eachMessage: async () => undefined }).catch(reject);
          });
        } finally {
          await consumer.disconnect().catch(() => undefined);
        }
      });
    expect(await joinAs(`motcua.feedback.identities-test-${randomUUID()}`)).toBe('allowed');
    // The broker answers GROUP_AUTHORIZATION_FAILED to FindCoordinator; KafkaJS reports no coordinator.
    expect(await joinAs('motcua.dossiers')).toMatch(
      /GROUP_AUTHORIZATION_FAILED|Not authorized to access group|Failed to find group coordinator/i,
    );
  });

  it('refuses a client without an identity: no connection, no topic created, nothing produced', async () => {
    const topic = `identities-test.anonymous.${randomUUID()}`;
    const admin = client(null).admin();
    expect(
      await failureOf(async () => {
        await admin.connect();
        await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
      }),
    ).not.toBe('allowed');
    await admin.disconnect().catch(() => undefined);
    expect(await topicExists(topic)).toBe(false);
    expect(await produceAs(null, 'dossiers.dossier.v1')).not.toBe('allowed');
  });

  it('refuses wrong credentials: a wrong password, and a user the broker does not know', async () => {
    const admin = testEnv.kafkaSasl('admin');
    const wrongPassword = await produceAs(
      { ...admin, password: `${admin.password}x` },
      'dossiers.dossier.v1',
    );
    expect(wrongPassword).toMatch(/KafkaJSSASLAuthenticationError.*SCRAM/);
    const unknown = await produceAs(
      { mechanism: 'scram-sha-512', username: 'motcua-intruder', password: admin.password },
      'portal.dossier-status.v1',
    );
    expect(unknown).toMatch(/KafkaJSSASLAuthenticationError.*SCRAM/);
  });

  it('stops a service whose identity the broker refuses, at start, naming the variables', async () => {
    // catalog only publishes: without the check at start it would look healthy until its first event.
    const started = startService('catalog', 4191, { KAFKA_SASL_PASSWORD: 'not-the-password' });
    await expect(started).rejects.toThrow(
      /catalog exited with 1[\s\S]*Kafka refused the identity motcua-catalog.*KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/,
    );
  });

  describe('the portal principal', () => {
    let consumer: Consumer | undefined;
    afterEach(async () => {
      await consumer?.disconnect().catch(() => undefined);
      consumer = undefined;
    });

    it('reads the portal stream in its own group (what dossiers publishes there)', async () => {
      const key = `identities-test-${randomUUID()}`;
      // dossiers is the stream's producer: allowed.
      const producer = client(testEnv.kafkaSasl('dossiers')).producer({
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      await producer.send({
        topic: 'portal.dossier-status.v1',
        acks: -1,
        messages: [{ key, value: '{"test":"kafka-identities"}' }],
      });
      await producer.disconnect();

      const seen: string[] = [];
      consumer = testKafka(brokers, 'identities-test-portal', testEnv.kafkaSasl('portal')).consumer(
        { groupId: `portal-identities-test-${randomUUID()}` },
      );
      await consumer.connect();
      await consumer.subscribe({ topics: ['portal.dossier-status.v1'], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void seen.push(message.key?.toString() ?? ''),
      });
      await waitFor(
        'the portal reads the message',
        async () => (seen.includes(key) ? true : undefined),
        30000,
      );
    });

    it('cannot read dossiers.dossier.v1, or any internal topic, nor produce to its own stream', async () => {
      const portal = testEnv.kafkaSasl('portal');
      expect(KAFKA_PRINCIPALS).toContain('portal');
      // Every topic but those the contracts give the portal (it reads the status stream and
      // writes its acknowledgements; the latter gives it DESCRIBE, so a subscription would start).
      const granted = new Set(kafkaAclsOf('portal').map((acl) => acl.resourceName));
      expect(granted).toContain('portal.dossier-status.v1');
      const internal = (Object.keys(TOPICS) as TopicName[]).filter((topic) => !granted.has(topic));
      expect(internal).toContain('dossiers.dossier.v1');
      for (const topic of internal) {
        const attempt = client(portal, 'identities-test-portal').consumer({
          groupId: `portal-identities-test-${randomUUID()}`,
          retry: { retries: 0 },
        });
        consumer = attempt;
        const outcome = await failureOf(async () => {
          await attempt.connect();
          await attempt.subscribe({ topics: [topic], fromBeginning: true });
          await attempt.run({ eachMessage: async () => undefined });
        });
        await attempt.disconnect().catch(() => undefined);
        expect({ topic, outcome }).toEqual({
          topic,
          outcome: expect.stringMatching(NOT_AUTHORIZED_TOPIC),
        });
      }
      expect(await produceAs(portal, 'portal.dossier-status.v1')).toMatch(NOT_AUTHORIZED_TOPIC);
    });
  });
});
