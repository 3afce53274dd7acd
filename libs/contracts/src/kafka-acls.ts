import { CONSUMERS, EXTERNAL_CONSUMERS, EXTERNAL_PRODUCERS, producedBy } from './flows';
import { SERVICES, deadLetterTopicOf, type ServiceName, type TopicName } from './topics';

/**
 * Kafka identities and their ACLs, derived from who produces and who consumes what (flows.ts):
 * each motcua service talks to the broker as its own principal, the provincial / national
 * portal as a read-only principal on the public stream. Nothing here is written twice: a new
 * contract or consumer changes the ACLs through the same tables the AsyncAPI document uses.
 * tools/kafka/identities.ts prints and applies them (docs/adr/0011-kafka-identities.md).
 */
// Both tables name the portal today; the union keeps a future consumer-only or producer-only client.
// eslint-disable-next-line @typescript-eslint/no-duplicate-type-constituents
export type ExternalClient = keyof typeof EXTERNAL_CONSUMERS | keyof typeof EXTERNAL_PRODUCERS;
/** Who may hold a Kafka identity: the five services and the external clients (the portal). */
export type KafkaPrincipal = ServiceName | ExternalClient;
export const KAFKA_PRINCIPALS: readonly KafkaPrincipal[] = [
  ...SERVICES,
  ...new Set([
    ...Object.keys(EXTERNAL_CONSUMERS),
    ...Object.keys(EXTERNAL_PRODUCERS),
  ] as ExternalClient[]),
];
/** The operator / tooling identity: a super user of the broker (creates topics, users, ACLs). */
export const KAFKA_ADMIN = 'admin';

/** The SCRAM user name of a principal, e.g. `motcua-dossiers` (the broker sees `User:motcua-dossiers`). */
export function kafkaUserOf(principal: KafkaPrincipal | typeof KAFKA_ADMIN): string {
  return `motcua-${principal}`;
}

/**
 * Consumer groups of a service start with `motcua.<service>` (the service's group itself, and
 * reporting's per-generation groups `motcua.reporting.g<n>.<suffix>`); an external client's start
 * with its name (`portal…`).
 */
export function consumerGroupOf(principal: KafkaPrincipal): string {
  return (SERVICES as readonly string[]).includes(principal) ? `motcua.${principal}` : principal;
}

export type AclResourceType = 'TOPIC' | 'GROUP';
export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE';
/** One ALLOW binding (the broker denies everything else: allow.everyone.if.no.acl.found=false). */
export type KafkaAcl = {
  principal: string;
  resourceType: AclResourceType;
  patternType: 'LITERAL' | 'PREFIXED';
  resourceName: string;
  operation: AclOperation;
};

const topicsOf = (contracts: readonly { topic: TopicName }[]): TopicName[] => [
  ...new Set(contracts.map((contract) => contract.topic)),
];

function topicAcls(
  principal: string,
  topics: readonly string[],
  operations: AclOperation[],
): KafkaAcl[] {
  return topics.flatMap((resourceName) =>
    operations.map((operation) => ({
      principal,
      resourceType: 'TOPIC' as const,
      patternType: 'LITERAL' as const,
      resourceName,
      operation,
    })),
  );
}

/** The ALLOW bindings of one principal: exactly what it produces and consumes, nothing else. */
export function kafkaAclsOf(principal: KafkaPrincipal): KafkaAcl[] {
  const user = `User:${kafkaUserOf(principal)}`;
  const consumed = topicsOf(
    (SERVICES as readonly string[]).includes(principal)
      ? CONSUMERS[principal as ServiceName]
      : ((EXTERNAL_CONSUMERS as Record<string, readonly { topic: TopicName }[]>)[principal] ?? []),
  );
  // An external client writes only the topics of the contracts it publishes (the portal: its acks).
  const produced: string[] = topicsOf(
    (EXTERNAL_PRODUCERS as Record<string, { contracts: readonly { topic: TopicName }[] }>)[
      principal
    ]?.contracts ?? [],
  );
  if ((SERVICES as readonly string[]).includes(principal)) {
    const service = principal as ServiceName;
    // WRITE on its topics is all the outbox relay needs (its producer is not idempotent, ADR 0028;
    // an idempotent one would not need IDEMPOTENT_WRITE either since Kafka 3.0, KIP-679).
    produced.push(...topicsOf(producedBy(service)));
    // A consumer dead-letters what it cannot accept (plain producer).
    if (consumed.length > 0) produced.push(deadLetterTopicOf(service));
  }
  const acls = [
    ...topicAcls(user, produced, ['WRITE', 'DESCRIBE']),
    ...topicAcls(user, consumed, ['READ', 'DESCRIBE']),
  ];
  if (consumed.length > 0) {
    acls.push({
      principal: user,
      resourceType: 'GROUP',
      patternType: 'PREFIXED',
      resourceName: consumerGroupOf(principal),
      operation: 'READ',
    });
  }
  return acls;
}

/** Every principal's bindings, in a stable order. */
export function allKafkaAcls(): KafkaAcl[] {
  return KAFKA_PRINCIPALS.flatMap(kafkaAclsOf);
}
