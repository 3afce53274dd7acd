import { z } from 'zod';
import type { EventContract } from '../define-event';

export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema (draft-07, the dialect AsyncAPI 3 payloads use by default) of an event's data.
 * Rendered for the *input* side: plain zod objects stay open (consumers must ignore fields they do
 * not know, so adding an optional field is not breaking), strict ones (the portal stream) are
 * closed with `additionalProperties: false`.
 */
export function payloadJsonSchema(contract: EventContract): JsonSchema {
  return z.toJSONSchema(contract.schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
  });
}

/** The published file docs/asyncapi/schemas/<type>.json: the payload schema with its identity. */
export function documentedJsonSchema(contract: EventContract): JsonSchema {
  const { $schema, ...payload } = payloadJsonSchema(contract);
  return {
    $schema,
    $id: `urn:motcua:event:${contract.type}`,
    title: contract.type,
    description: `${contract.summary} Topic ${contract.topic}, key = ${contract.keyField}.`,
    ...payload,
  };
}

/** Stable JSON text (2-space indent, final newline) for committed files. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
