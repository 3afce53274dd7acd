import { z } from 'zod';
import type { EventContract } from '../define-event';
import { envelopeSchema } from '../envelope';
import { CONSUMERS, EXTERNAL_CONSUMERS, EXTERNAL_PRODUCERS, producerOf } from '../flows';
import { consumerGroupOf, type KafkaPrincipal } from '../kafka-acls';
import { ALL_EVENTS } from '../registry';
import {
  SERVICES,
  TOPICS,
  deadLetterTopicOf,
  retentionOf,
  topicConfigOf,
  type TopicName,
} from '../topics';
import { exampleHeaders } from './examples';
import { payloadJsonSchema, type JsonSchema } from './json-schema';

const KAFKA_BINDING = '0.5.0';

const DESCRIPTION = `Every event of motcua, the event-driven back end of a Vietnamese one-stop shop (một cửa) for administrative procedures.

Envelope: CloudEvents 1.0 (id, source, type, specversion, time, subject, datacontenttype) plus extensions: correlationid (the request or process that started it all), causationid (the event or request that caused this one), the W3C traceparent and, on the portal stream, sequence (the CloudEvents sequence extension: the dossier's portal sequence, latest wins). The headers' JSON Schema is also the file cloudevents-kafka-headers.schema.json next to this document.

Kafka binding: the CloudEvents Kafka protocol binding in binary content mode. Attributes travel as ce_-prefixed headers (ce_id, ce_type...), datacontenttype as the content-type header (application/json), the data as the JSON message value. The message key is the aggregate id named on each channel, so the events of one aggregate stay in order on one partition; the CloudEvents subject repeats it.

Delivery: producers write events in the same database transaction as the state change (transactional outbox) and a relay publishes them with acks=all and marks them published only once every partition of a batch is acknowledged, so nothing uncommitted is published and nothing committed is lost. Delivery is at least once: a consumer may see an event again and must deduplicate by ce_id (motcua services record it in an inbox in the same transaction as the effect). Order is guaranteed per key only. Messages a consumer cannot accept (malformed headers, invalid data, business rejection, retries exhausted) go to its dead-letter topic dlq.<service>.v1 with the reason in dlq_* headers.

Versions: ce_type is <name>.v<major>. Adding an optional field is not breaking and keeps the version; removing a field, changing a type, making a field required or removing an enum value makes a new version of the event (a new type, published alongside the old one while consumers move). Consumers ignore fields and types they do not know.`;

/** Channel id of a topic: `dossiers.dossier.v1` → `dossiers-dossier-v1`. */
const channelId = (topic: string) => topic.replace(/\./g, '-');
const messageRef = (contract: EventContract) => ({
  $ref: `#/components/messages/${contract.type}`,
});

/** The Kafka headers of every motcua message (CloudEvents binary mode), as a JSON Schema object. */
export function headersSchema(): JsonSchema {
  const envelope = z.toJSONSchema(envelopeSchema, { target: 'draft-7', io: 'input' }) as {
    properties: Record<string, JsonSchema>;
    required: string[];
  };
  const headerName = (attribute: string) =>
    attribute === 'datacontenttype' ? 'content-type' : `ce_${attribute}`;
  return {
    type: 'object',
    description: 'CloudEvents Kafka binding, binary mode: one header per attribute.',
    properties: Object.fromEntries(
      Object.entries(envelope.properties).map(([attribute, schema]) => [
        headerName(attribute),
        schema,
      ]),
    ),
    required: envelope.required.map(headerName),
  };
}

function message(contract: EventContract): JsonSchema {
  const { $schema: _dialect, ...payload } = payloadJsonSchema(contract);
  const keySchema = ((payload.properties ?? {}) as Record<string, JsonSchema>)[contract.keyField];
  return {
    name: contract.type,
    title: contract.name,
    summary: contract.summary,
    contentType: 'application/json',
    correlationId: { location: '$message.header#/ce_correlationid' },
    headers: {
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/CloudEventsHeaders' },
        {
          type: 'object',
          properties: {
            ce_type: { const: contract.type },
            ce_source: { const: contract.source },
            ce_subject: { description: `Same as the key: data.${contract.keyField}` },
            ...(contract.topic === 'portal.dossier-status.v1'
              ? {
                  ce_sequence: {
                    description:
                      "Always present since 2026-12: the dossier's portal sequence (1, 2, 3... per dossier code, zero-padded to 10 digits), assigned in the transaction of the status change. Keep the message with the highest sequence per dossier (latest wins).",
                  },
                }
              : {}),
          },
        },
      ],
    },
    payload,
    bindings: {
      kafka: {
        key: { ...keySchema, description: `data.${contract.keyField}` },
        bindingVersion: KAFKA_BINDING,
      },
    },
    examples: [
      {
        name: 'example',
        summary: `A ${contract.name} event`,
        headers: exampleHeaders(contract),
        payload: contract.example,
      },
    ],
  };
}

function contractsOn(topic: TopicName): EventContract[] {
  return ALL_EVENTS.filter((contract) => contract.topic === topic);
}

/** The declared retention as the Kafka channel binding's topicConfiguration (its known keys only). */
function topicConfiguration(topic: TopicName): JsonSchema {
  const config = topicConfigOf(topic);
  return {
    'cleanup.policy': [config['cleanup.policy']],
    ...(config['retention.ms'] ? { 'retention.ms': Number(config['retention.ms']) } : {}),
    ...(config['delete.retention.ms']
      ? { 'delete.retention.ms': Number(config['delete.retention.ms']) }
      : {}),
  };
}

/** What a reader of the topic can expect to find in it, from its declared retention. */
function retentionText(topic: TopicName): string {
  const retention = retentionOf(topic);
  return retention.cleanup === 'delete'
    ? ` Retention: ${retention.retentionDays} days (cleanup.policy=delete).`
    : ` Retention: compacted (cleanup.policy=compact, min.compaction.lag.ms=${topicConfigOf(topic)['min.compaction.lag.ms']}): the latest message of every key is kept forever, and every message of the last ${retention.keepHistoryDays} days; reading from the beginning gives the current state of every key.`;
}

function channels(): JsonSchema {
  return Object.fromEntries(
    (Object.keys(TOPICS) as TopicName[]).map((topic) => {
      const contracts = contractsOn(topic);
      const isDeadLetter = topic.startsWith('dlq.');
      return [
        channelId(topic),
        {
          address: topic,
          title: topic,
          description: isDeadLetter
            ? `${TOPICS[topic].summary}. The original key, value and headers are kept; dlq_reason (malformed | invalid-data | rejected | retries-exhausted), dlq_error, dlq_original_topic, dlq_original_partition, dlq_original_offset, dlq_consumer_group and dlq_failed_at are added.${retentionText(topic)}`
            : `${TOPICS[topic].summary}. Kafka message key: the value of ${[...new Set(contracts.map((c) => `data.${c.keyField}`))].join(', ')}.${retentionText(topic)}`,
          messages: isDeadLetter
            ? { deadLetter: { $ref: '#/components/messages/deadLetter' } }
            : Object.fromEntries(
                contracts.map((contract) => [contract.type, messageRef(contract)]),
              ),
          bindings: {
            kafka: {
              topic,
              partitions: TOPICS[topic].partitions,
              replicas: 1,
              topicConfiguration: topicConfiguration(topic),
              bindingVersion: KAFKA_BINDING,
            },
          },
        },
      ];
    }),
  );
}

/**
 * The consumer group of a receive operation: a service's own group, or for an external client a
 * group of its own choosing that starts with its name (the ACL grants the prefix, kafka-acls.ts).
 */
function groupIdSchema(client: string, external: boolean): JsonSchema {
  return external
    ? {
        type: 'string',
        pattern: `^${client.replace(/\./g, '\\.')}`,
        description: `Your own consumer group, starting with ${client} (e.g. ${client}, ${client}.sync); one group per independent reader.`,
      }
    : { type: 'string', enum: [client] };
}

function operation(
  action: 'send' | 'receive',
  client: string,
  topic: string,
  contracts: readonly EventContract[],
  external = false,
) {
  const channel = channelId(topic);
  return {
    action,
    channel: { $ref: `#/channels/${channel}` },
    summary: `${client} ${action === 'send' ? 'publishes' : 'consumes'} ${contracts.map((c) => c.type).join(', ')}`,
    messages: contracts.map((contract) => ({
      $ref: `#/channels/${channel}/messages/${contract.type}`,
    })),
    ...(action === 'receive'
      ? {
          bindings: {
            kafka: { groupId: groupIdSchema(client, external), bindingVersion: KAFKA_BINDING },
          },
        }
      : {}),
  };
}

function byTopic(contracts: readonly EventContract[]): Map<TopicName, EventContract[]> {
  const map = new Map<TopicName, EventContract[]>();
  for (const contract of contracts)
    map.set(contract.topic, [...(map.get(contract.topic) ?? []), contract]);
  return map;
}

function operations(): JsonSchema {
  const result: JsonSchema = {};
  for (const service of SERVICES) {
    for (const [topic, sent] of byTopic(ALL_EVENTS.filter((c) => producerOf(c) === service))) {
      result[`${service}.send.${topic}`] = operation('send', service, topic, sent);
    }
    for (const [topic, received] of byTopic(CONSUMERS[service])) {
      result[`${service}.receive.${topic}`] = operation(
        'receive',
        consumerGroupOf(service),
        topic,
        received,
      );
    }
    if (CONSUMERS[service].length > 0) {
      const dlq = deadLetterTopicOf(service);
      result[`${service}.send.${dlq}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId(dlq)}` },
        summary: `${service} dead-letters the messages it cannot accept`,
        messages: [{ $ref: `#/channels/${channelId(dlq)}/messages/deadLetter` }],
      };
    }
  }
  for (const [client, { contracts }] of Object.entries(EXTERNAL_PRODUCERS)) {
    for (const [topic, sent] of byTopic(contracts)) {
      result[`${client}.send.${topic}`] = operation('send', `${client} (external)`, topic, sent);
    }
  }
  for (const [client, contracts] of Object.entries(EXTERNAL_CONSUMERS)) {
    for (const [topic, received] of byTopic(contracts)) {
      result[`${client}.receive.${topic}`] = operation(
        'receive',
        consumerGroupOf(client as KafkaPrincipal),
        topic,
        received,
        true,
      );
    }
  }
  return result;
}

/** The AsyncAPI 3.0 document of every topic, key and message, generated from the contracts. */
export function buildAsyncApi(): JsonSchema {
  const messages: JsonSchema = Object.fromEntries(
    ALL_EVENTS.map((contract) => [contract.type, message(contract)]),
  );
  messages.deadLetter = {
    name: 'deadLetter',
    title: 'Dead-lettered message',
    summary:
      'A message a consumer could not accept, with the original key, value and headers plus dlq_* headers.',
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: Object.fromEntries(
        [
          'dlq_reason',
          'dlq_error',
          'dlq_original_topic',
          'dlq_original_partition',
          'dlq_original_offset',
          'dlq_consumer_group',
          'dlq_failed_at',
        ].map((name) => [name, { type: 'string' }]),
      ),
      required: ['dlq_reason', 'dlq_error', 'dlq_original_topic'],
    },
    payload: { description: 'The original message value, unchanged (may not be valid JSON).' },
  };
  return {
    asyncapi: '3.0.0',
    id: 'urn:motcua:events',
    info: {
      title: 'motcua events',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        protocolVersion: '4.1',
        description:
          'Local single-node broker (infra/kafka/kafka.sh), PLAINTEXT, no auth; topics from infra/kafka/topics.txt.',
      },
    },
    channels: channels(),
    operations: operations(),
    components: {
      schemas: { CloudEventsHeaders: headersSchema() },
      messages,
    },
  };
}
