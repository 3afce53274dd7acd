import type { z } from 'zod';

/**
 * Values a schema of ours has just produced, frozen so that they stay what was checked: publishing
 * one (`buildEvent`) does not parse it again against the same schema. The portal status is built
 * and checked by `toPortalDossierStatus`, then published: parsing it twice was a fifth of the event
 * contracts' cost per intake (issue 17, docs/benchmarks.md).
 */
const checked = new WeakMap<object, z.ZodType>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/** Freezes `value` (the output of `schema.parse`) and remembers that `schema` accepted it. */
export function asChecked<T extends object>(schema: z.ZodType, value: T): T {
  deepFreeze(value);
  checked.set(value, schema);
  return value;
}

/** True when `value` is a frozen output of `schema` (see `asChecked`). */
export function checkedBy(schema: z.ZodType, value: unknown): boolean {
  return typeof value === 'object' && value !== null && checked.get(value) === schema;
}
