import { CONSUMERS, producedBy } from './flows';
import {
  KAFKA_PRINCIPALS,
  allKafkaAcls,
  consumerGroupOf,
  kafkaAclsOf,
  kafkaUserOf,
} from './kafka-acls';
import { SERVICES, TOPICS, deadLetterTopicOf } from './topics';

const topicsWith = (principal: Parameters<typeof kafkaAclsOf>[0], operation: string) =>
  new Set(
    kafkaAclsOf(principal)
      .filter((acl) => acl.resourceType === 'TOPIC' && acl.operation === operation)
      .map((acl) => acl.resourceName),
  );

describe('Kafka ACLs derived from the contracts', () => {
  it('gives every service and the portal an identity of its own', () => {
    expect(KAFKA_PRINCIPALS).toEqual([...SERVICES, 'portal']);
    expect(new Set(KAFKA_PRINCIPALS.map(kafkaUserOf)).size).toBe(KAFKA_PRINCIPALS.length);
  });

  it.each(SERVICES)(
    '%s writes exactly the topics it publishes, plus its dead-letter topic when it consumes',
    (service) => {
      const expected = new Set(producedBy(service).map((contract) => contract.topic as string));
      if (CONSUMERS[service].length > 0) expected.add(deadLetterTopicOf(service));
      expect(topicsWith(service, 'WRITE')).toEqual(expected);
    },
  );

  it.each(SERVICES)(
    '%s reads exactly the topics it consumes, in its own groups only',
    (service) => {
      expect(topicsWith(service, 'READ')).toEqual(
        new Set(CONSUMERS[service].map((contract) => contract.topic as string)),
      );
      const groups = kafkaAclsOf(service).filter((acl) => acl.resourceType === 'GROUP');
      expect(groups).toEqual(
        CONSUMERS[service].length > 0
          ? [
              {
                principal: `User:motcua-${service}`,
                resourceType: 'GROUP',
                patternType: 'PREFIXED',
                resourceName: `motcua.${service}`,
                operation: 'READ',
              },
            ]
          : [],
      );
    },
  );

  it('lets the portal read the public stream and write its acknowledgements, nothing else', () => {
    expect(kafkaAclsOf('portal')).toEqual([
      {
        principal: 'User:motcua-portal',
        resourceType: 'TOPIC',
        patternType: 'LITERAL',
        resourceName: 'portal.dossier-ack.v1',
        operation: 'WRITE',
      },
      {
        principal: 'User:motcua-portal',
        resourceType: 'TOPIC',
        patternType: 'LITERAL',
        resourceName: 'portal.dossier-ack.v1',
        operation: 'DESCRIBE',
      },
      {
        principal: 'User:motcua-portal',
        resourceType: 'TOPIC',
        patternType: 'LITERAL',
        resourceName: 'portal.dossier-status.v1',
        operation: 'READ',
      },
      {
        principal: 'User:motcua-portal',
        resourceType: 'TOPIC',
        patternType: 'LITERAL',
        resourceName: 'portal.dossier-status.v1',
        operation: 'DESCRIBE',
      },
      {
        principal: 'User:motcua-portal',
        resourceType: 'GROUP',
        patternType: 'PREFIXED',
        resourceName: consumerGroupOf('portal'),
        operation: 'READ',
      },
    ]);
  });

  it('never grants more than produce and consume, and only on declared topics (nothing on the cluster)', () => {
    for (const acl of allKafkaAcls()) {
      expect(['READ', 'WRITE', 'DESCRIBE']).toContain(acl.operation);
      expect(['TOPIC', 'GROUP']).toContain(acl.resourceType);
      if (acl.resourceType === 'TOPIC') expect(Object.keys(TOPICS)).toContain(acl.resourceName);
    }
    // No service's group prefix is a prefix of another's (a PREFIXED grant must not spill over).
    const prefixes = KAFKA_PRINCIPALS.map(consumerGroupOf);
    for (const a of prefixes)
      for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});
