import type { EventContract } from '../define-event';
import { ALL_EVENTS } from '../registry';
import { TOPIC_REPLICATION, TOPICS } from '../topics';
import { buildAsyncApi } from './asyncapi';
import { documentedJsonSchema, jsonText, payloadJsonSchema, type JsonSchema } from './json-schema';
import { toYaml } from './yaml';

/** Paths are relative to the workspace root. */
export const GENERATE_COMMAND = 'node -r @swc-node/register tools/contracts/generate.ts';
export const ASYNCAPI_FILE = 'docs/asyncapi/asyncapi.yaml';
export const SCHEMA_DIR = 'docs/asyncapi/schemas';
export const SNAPSHOT_DIR = 'libs/contracts/snapshots';
export const TOPICS_FILE = 'infra/kafka/topics.txt';

export type GeneratedFile = { path: string; content: string };

export const schemaFileOf = (contract: EventContract) => `${SCHEMA_DIR}/${contract.type}.json`;
export const snapshotFileOf = (type: string) => `${SNAPSHOT_DIR}/${type}.json`;

/** The compatibility snapshot of a contract: its payload JSON Schema as published. */
export function snapshotOf(contract: EventContract): JsonSchema {
  return payloadJsonSchema(contract);
}

export function topicsFile(): string {
  const { replicationFactor, minInsyncReplicas } = TOPIC_REPLICATION;
  const lines = Object.entries(TOPICS).map(
    ([topic, { partitions }]) => `${topic} ${partitions} ${replicationFactor} ${minInsyncReplicas}`,
  );
  return [
    '# GENERATED from libs/contracts/src/topics.ts - do not edit by hand.',
    `# Regenerate: ${GENERATE_COMMAND}`,
    '# <topic> <partitions> <replication factor> <min.insync.replicas>, capped at the cluster size',
    '# (a single broker keeps 1 copy, min.insync.replicas 1; see replicationOn in topics.ts)',
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
    { path: TOPICS_FILE, content: topicsFile() },
  ];
}
