import type { EventContract } from '../define-event';
import { ALL_EVENTS } from '../registry';
import { TOPIC_REPLICATION, TOPICS, topicConfigOf, type TopicName } from '../topics';
import { buildAsyncApi, headersSchema } from './asyncapi';
import { documentedJsonSchema, jsonText, payloadJsonSchema, type JsonSchema } from './json-schema';
import { toYaml } from './yaml';

/** Paths are relative to the workspace root. */
export const GENERATE_COMMAND = 'node -r @swc-node/register tools/contracts/generate.ts';
export const ASYNCAPI_FILE = 'docs/asyncapi/asyncapi.yaml';
export const SCHEMA_DIR = 'docs/asyncapi/schemas';
export const SNAPSHOT_DIR = 'libs/contracts/snapshots';
export const TOPICS_FILE = 'infra/kafka/topics.txt';
export const HEADERS_SCHEMA_FILE = 'docs/asyncapi/cloudevents-kafka-headers.schema.json';

export type GeneratedFile = { path: string; content: string };

export const schemaFileOf = (contract: EventContract) => `${SCHEMA_DIR}/${contract.type}.json`;
export const snapshotFileOf = (type: string) => `${SNAPSHOT_DIR}/${type}.json`;

/** The compatibility snapshot of a contract: its payload JSON Schema as published. */
export function snapshotOf(contract: EventContract): JsonSchema {
  return payloadJsonSchema(contract);
}

export function topicsFile(): string {
  const { replicationFactor, minInsyncReplicas } = TOPIC_REPLICATION;
  const lines = Object.entries(TOPICS).map(([topic, { partitions }]) => {
    const config = Object.entries(topicConfigOf(topic as TopicName)).map(([k, v]) => `${k}=${v}`);
    return [topic, partitions, replicationFactor, minInsyncReplicas, ...config].join(' ');
  });
  return [
    '# GENERATED from libs/contracts/src/topics.ts - do not edit by hand.',
    `# Regenerate: ${GENERATE_COMMAND}`,
    '# <topic> <partitions> <replication factor> <min.insync.replicas> [<config>=<value> ...]',
    '# Replication is capped at the cluster size (a single broker keeps 1 copy, min.insync.replicas 1;',
    '# see replicationOn in topics.ts); the configs are set on creation and on every apply.',
    ...lines,
    '',
  ].join('\n');
}

/** Every generated documentation file, rendered in memory (the snapshots are handled apart). */
export function renderGeneratedFiles(): GeneratedFile[] {
  return [
    { path: ASYNCAPI_FILE, content: toYaml(buildAsyncApi()) },
    ...ALL_EVENTS.map((contract) => ({
      path: schemaFileOf(contract),
      content: jsonText(documentedJsonSchema(contract)),
    })),
    { path: HEADERS_SCHEMA_FILE, content: jsonText(headersSchemaDocument()) },
    { path: TOPICS_FILE, content: topicsFile() },
  ];
}

/** The CloudEvents headers schema as a standalone JSON Schema file (the same as in the AsyncAPI document). */
export function headersSchemaDocument(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://motcua.example/asyncapi/cloudevents-kafka-headers.schema.json',
    title: 'CloudEvents headers of a motcua Kafka message',
    ...headersSchema(),
    description:
      "CloudEvents 1.0, Kafka protocol binding, binary content mode: one UTF-8 header per attribute (ce_<attribute>, content-type for datacontenttype); the data is the message value. ce_sequence (CloudEvents sequence extension) is on every portal.dossier-status.v1 message since 2026-12: the dossier's portal sequence, latest wins.",
  };
}
