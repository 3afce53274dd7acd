/**
 * The compatibility guard: what in a new JSON Schema of an event's data would break a consumer,
 * or the replay of events already published, compared with the published (snapshot) schema.
 *
 * Breaking: a field removed; a type changed; an optional field made required or a new required
 * field; an enum (or const) value removed; a union variant removed; a field added to a closed
 * object (`additionalProperties: false`) or an open object closed; a constraint tightened (format,
 * pattern, bounds). Not breaking: a new optional field, a new enum value, a loosened bound, a
 * pattern change listed as a reviewed loosening (pattern-loosenings.ts).
 */
import { isReviewedLoosening } from './pattern-loosenings';

export type BreakingChangeKind =
  | 'field-removed'
  | 'type-changed'
  | 'made-required'
  | 'required-field-added'
  | 'enum-value-removed'
  | 'variant-removed'
  | 'field-added-to-closed-object'
  | 'object-closed'
  | 'constraint-tightened';

export type BreakingChange = { kind: BreakingChangeKind; path: string; detail: string };

type Schema = { [key: string]: unknown };

const asSchema = (value: unknown): Schema =>
  typeof value === 'object' && value !== null ? (value as Schema) : {};
const show = (value: unknown) => JSON.stringify(value);

export function findBreakingChanges(oldSchema: unknown, newSchema: unknown): BreakingChange[] {
  const changes: BreakingChange[] = [];
  compare(asSchema(oldSchema), asSchema(newSchema), '$', changes);
  return changes;
}

function compare(before: Schema, after: Schema, path: string, out: BreakingChange[]): void {
  const variantsBefore = variantsOf(before);
  const variantsAfter = variantsOf(after);
  if (variantsBefore.length > 1 || variantsAfter.length > 1) {
    compareVariants(variantsBefore, variantsAfter, path, out);
    return;
  }
  compareTypes(before, after, path, out);
  compareValues(before, after, path, out);
  compareConstraints(before, after, path, out);
  compareObjects(before, after, path, out);
  if (before.items !== undefined && after.items !== undefined) {
    compare(asSchema(before.items), asSchema(after.items), `${path}[]`, out);
  }
}

/** anyOf / oneOf members, and `type: [a, b]` (how zod renders simple unions and nullables) split per type. */
function variantsOf(schema: Schema): Schema[] {
  const listed = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(listed)) return listed.flatMap((variant) => variantsOf(asSchema(variant)));
  if (Array.isArray(schema.type) && schema.type.length > 1) {
    return (schema.type as unknown[]).map((type) => ({ ...schema, type }));
  }
  return [schema];
}

/** Every variant that was accepted must still be accepted by some variant, unchanged. */
function compareVariants(
  before: Schema[],
  after: Schema[],
  path: string,
  out: BreakingChange[],
): void {
  before.forEach((variant) => {
    const candidates = after.map((next) => findBreakingChanges(variant, next));
    if (candidates.some((changes) => changes.length === 0)) return;
    if (before.length === 1) {
      const closest = candidates.reduce((best, changes) =>
        changes.length < best.length ? changes : best,
      );
      out.push(...closest.map((change) => ({ ...change, path: change.path.replace(/^\$/, path) })));
    } else {
      out.push({
        kind: 'variant-removed',
        path,
        detail: `variant ${show(variant)} is no longer accepted`,
      });
    }
  });
}

function typesOf(schema: Schema): string[] | undefined {
  if (schema.type === undefined) return undefined;
  return (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String).sort();
}

function compareTypes(before: Schema, after: Schema, path: string, out: BreakingChange[]): void {
  const was = typesOf(before);
  const is = typesOf(after);
  if (show(was) !== show(is)) {
    out.push({
      kind: 'type-changed',
      path,
      detail: `type ${show(was ?? 'any')} → ${show(is ?? 'any')}`,
    });
  }
}

function allowedValues(schema: Schema): unknown[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function compareValues(before: Schema, after: Schema, path: string, out: BreakingChange[]): void {
  const was = allowedValues(before);
  const is = allowedValues(after);
  if (!is) return;
  const known = new Set(is.map(show));
  for (const value of was ?? []) {
    if (!known.has(show(value)))
      out.push({ kind: 'enum-value-removed', path, detail: `value ${show(value)} removed` });
  }
  if (!was)
    out.push({ kind: 'constraint-tightened', path, detail: `now restricted to ${show(is)}` });
}

const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties'];

/** The lowest (or highest) number a schema accepts, exclusive or not; undefined when unbounded. */
function numericBound(
  schema: Schema,
  side: 'lower' | 'upper',
): { value: number; exclusive: boolean } | undefined {
  const inclusive = schema[side === 'lower' ? 'minimum' : 'maximum'] as number | undefined;
  const exclusive = schema[side === 'lower' ? 'exclusiveMinimum' : 'exclusiveMaximum'] as
    number | undefined;
  if (inclusive === undefined && exclusive === undefined) return undefined;
  if (inclusive === undefined) return { value: exclusive as number, exclusive: true };
  if (exclusive === undefined) return { value: inclusive, exclusive: false };
  const exclusiveWins = side === 'lower' ? exclusive >= inclusive : exclusive <= inclusive;
  return exclusiveWins
    ? { value: exclusive, exclusive: true }
    : { value: inclusive, exclusive: false };
}

function numericTightened(before: Schema, after: Schema, side: 'lower' | 'upper'): boolean {
  const was = numericBound(before, side);
  const is = numericBound(after, side);
  if (!is) return false;
  if (!was) return true;
  const sign = side === 'lower' ? 1 : -1;
  return (
    sign * (is.value - was.value) > 0 || (is.value === was.value && is.exclusive && !was.exclusive)
  );
}

function compareConstraints(
  before: Schema,
  after: Schema,
  path: string,
  out: BreakingChange[],
): void {
  for (const keyword of ['format', 'pattern']) {
    if (keyword === 'pattern' && isReviewedLoosening(before.pattern, after.pattern)) continue;
    if (after[keyword] !== undefined && after[keyword] !== before[keyword]) {
      out.push({
        kind: 'constraint-tightened',
        path,
        detail: `${keyword} ${show(before[keyword])} → ${show(after[keyword])}`,
      });
    }
  }
  for (const side of ['lower', 'upper'] as const) {
    if (numericTightened(before, after, side)) {
      const bounds = (schema: Schema) => show(numericBound(schema, side) ?? 'none');
      out.push({
        kind: 'constraint-tightened',
        path,
        detail: `${side} bound ${bounds(before)} → ${bounds(after)}`,
      });
    }
  }
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const was = before[keyword] as number | undefined;
    const is = after[keyword] as number | undefined;
    if (is === undefined || was === is) continue;
    const tighter = was === undefined || (LOWER_BOUNDS.includes(keyword) ? is > was : is < was);
    if (tighter)
      out.push({
        kind: 'constraint-tightened',
        path,
        detail: `${keyword} ${show(was)} → ${show(is)}`,
      });
  }
}

function compareObjects(before: Schema, after: Schema, path: string, out: BreakingChange[]): void {
  const propsBefore = asSchema(before.properties);
  const propsAfter = asSchema(after.properties);
  const requiredBefore = new Set((before.required as string[] | undefined) ?? []);
  const requiredAfter = new Set((after.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries(propsBefore)) {
    if (!(name in propsAfter)) {
      out.push({ kind: 'field-removed', path: `${path}.${name}`, detail: `field ${name} removed` });
      continue;
    }
    compare(asSchema(schema), asSchema(propsAfter[name]), `${path}.${name}`, out);
    if (requiredAfter.has(name) && !requiredBefore.has(name)) {
      out.push({
        kind: 'made-required',
        path: `${path}.${name}`,
        detail: `optional field ${name} is now required`,
      });
    }
  }
  for (const name of Object.keys(propsAfter)) {
    if (name in propsBefore) continue;
    if (requiredAfter.has(name)) {
      out.push({
        kind: 'required-field-added',
        path: `${path}.${name}`,
        detail: `new required field ${name}`,
      });
    }
    if (before.additionalProperties === false) {
      out.push({
        kind: 'field-added-to-closed-object',
        path: `${path}.${name}`,
        detail: `field ${name} added to a closed object`,
      });
    }
  }
  if (before.additionalProperties !== false && after.additionalProperties === false) {
    out.push({
      kind: 'object-closed',
      path,
      detail: 'additional properties are no longer allowed',
    });
  }
}
