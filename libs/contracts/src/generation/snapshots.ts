import { isDeepStrictEqual } from 'node:util';
import { findBreakingChanges, type BreakingChange } from '../compatibility/find-breaking-changes';
import type { EventContract } from '../define-event';
import { snapshotOf } from './generated-files';
import type { JsonSchema } from './json-schema';

/**
 * Snapshot policy. The committed snapshot of a type is its published schema.
 * - a new type gets its first snapshot;
 * - a compatible change (new optional field, new enum value...) refreshes it, so that the guard
 *   also protects what was just added;
 * - a breaking change leaves it alone and blocks: publish a new version of the event instead.
 *   `--accept-breaking` overrides (for a type not yet used in production), visibly in the diff.
 * A snapshot whose type no longer exists is an orphan: a published type may not vanish silently.
 */
export type SnapshotAction = 'create' | 'refresh' | 'keep' | 'blocked' | 'accept-breaking';
export type SnapshotDecision = {
  type: string;
  action: SnapshotAction;
  schema: JsonSchema;
  changes: BreakingChange[];
};

export function planSnapshots(
  contracts: readonly EventContract[],
  committed: ReadonlyMap<string, unknown>,
  options: { acceptBreaking: boolean },
): { decisions: SnapshotDecision[]; orphans: string[] } {
  const decisions = contracts.map((contract): SnapshotDecision => {
    const schema = snapshotOf(contract);
    const previous = committed.get(contract.type);
    if (previous === undefined)
      return { type: contract.type, action: 'create', schema, changes: [] };
    if (isDeepStrictEqual(previous, schema))
      return { type: contract.type, action: 'keep', schema, changes: [] };
    const changes = findBreakingChanges(previous, schema);
    if (changes.length === 0) return { type: contract.type, action: 'refresh', schema, changes };
    return {
      type: contract.type,
      action: options.acceptBreaking ? 'accept-breaking' : 'blocked',
      schema,
      changes,
    };
  });
  const known = new Set(contracts.map((contract) => contract.type));
  const orphans = [...committed.keys()].filter((type) => !known.has(type)).sort();
  return { decisions, orphans };
}
