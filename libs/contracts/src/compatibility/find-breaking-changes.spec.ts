import { z } from 'zod';
import { findBreakingChanges, type BreakingChangeKind } from './find-breaking-changes';

/** Event data schemas are compared as the generator renders them (draft-07, input side). */
const render = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
const kinds = (before: z.ZodType, after: z.ZodType): BreakingChangeKind[] =>
  findBreakingChanges(render(before), render(after)).map((change) => change.kind);

const v1 = z.object({
  dossierId: z.uuid(),
  channel: z.enum(['in_person', 'online', 'postal']),
  pages: z.int().positive(),
  note: z.string().optional(),
  steps: z.array(z.object({ order: z.int(), unitCode: z.string() })),
});

describe('findBreakingChanges', () => {
  it('finds nothing between identical schemas', () => {
    expect(kinds(v1, v1)).toEqual([]);
  });

  it('accepts compatible changes: a new optional field, a new enum value, a loosened bound', () => {
    const v2 = v1.extend({
      channel: z.enum(['in_person', 'online', 'postal', 'kiosk']),
      pages: z.int().min(0),
      checksum: z.string().optional(),
    });
    expect(kinds(v1, v2)).toEqual([]);
  });

  it('field removed', () => {
    const changes = findBreakingChanges(render(v1), render(v1.omit({ note: true })));
    expect(changes).toEqual([
      { kind: 'field-removed', path: '$.note', detail: 'field note removed' },
    ]);
  });

  it('field removed inside an array item', () => {
    const v2 = v1.extend({ steps: z.array(z.object({ order: z.int() })) });
    expect(findBreakingChanges(render(v1), render(v2))).toEqual([
      expect.objectContaining({ kind: 'field-removed', path: '$.steps[].unitCode' }),
    ]);
  });

  it('type changed', () => {
    expect(kinds(v1, v1.extend({ pages: z.string() }))).toContain('type-changed');
    expect(kinds(v1, v1.extend({ pages: z.number() }))).toContain('type-changed');
    expect(kinds(v1, v1.extend({ steps: z.object({ order: z.int() }) }))).toContain('type-changed');
  });

  it('optional made required', () => {
    const changes = findBreakingChanges(render(v1), render(v1.extend({ note: z.string() })));
    expect(changes).toEqual([
      { kind: 'made-required', path: '$.note', detail: 'optional field note is now required' },
    ]);
  });

  it('new required field (events already published do not have it)', () => {
    expect(kinds(v1, v1.extend({ agencyCode: z.string() }))).toEqual(['required-field-added']);
  });

  it('enum value removed', () => {
    const changes = findBreakingChanges(
      render(v1),
      render(v1.extend({ channel: z.enum(['in_person', 'online']) })),
    );
    expect(changes).toEqual([
      { kind: 'enum-value-removed', path: '$.channel', detail: 'value "postal" removed' },
    ]);
  });

  it('const changed counts as an enum value removed', () => {
    const a = z.object({ portalStatus: z.literal(2) });
    const b = z.object({ portalStatus: z.literal(4) });
    expect(kinds(a, b)).toEqual(['enum-value-removed']);
  });

  it('union variant removed', () => {
    const a = z.object({ v: z.union([z.string(), z.int()]) });
    const b = z.object({ v: z.union([z.string(), z.boolean()]) });
    expect(kinds(a, b)).toEqual(['variant-removed']);
    expect(kinds(a, z.object({ v: z.union([z.int(), z.string(), z.boolean()]) }))).toEqual([]);
  });

  it('null no longer allowed', () => {
    const a = z.object({ note: z.string().nullable() });
    expect(kinds(a, z.object({ note: z.string() }))).toEqual(['variant-removed']);
    expect(kinds(z.object({ note: z.string() }), a)).toEqual([]);
  });

  it('numeric bounds: exclusive vs inclusive', () => {
    const positive = z.object({ n: z.number().positive() });
    const nonNegative = z.object({ n: z.number().min(0) });
    expect(kinds(positive, nonNegative)).toEqual([]);
    expect(kinds(nonNegative, positive)).toEqual(['constraint-tightened']);
    expect(kinds(z.object({ n: z.number().min(1) }), z.object({ n: z.number().min(2) }))).toEqual([
      'constraint-tightened',
    ]);
  });

  it('closed objects: a new field is breaking, closing an open object is breaking', () => {
    const closed = z.strictObject({ code: z.string() });
    expect(kinds(closed, closed.extend({ extra: z.string().optional() }))).toEqual([
      'field-added-to-closed-object',
    ]);
    expect(kinds(z.object({ code: z.string() }), closed)).toEqual(['object-closed']);
  });

  it('tightened constraints: pattern, format, bounds', () => {
    expect(kinds(z.object({ a: z.string() }), z.object({ a: z.string().regex(/^x/) }))).toEqual([
      'constraint-tightened',
    ]);
    expect(kinds(z.object({ a: z.string() }), z.object({ a: z.uuid() }))).toContain(
      'constraint-tightened',
    );
    expect(kinds(z.object({ a: z.int().max(10) }), z.object({ a: z.int().max(5) }))).toEqual([
      'constraint-tightened',
    ]);
    expect(kinds(z.object({ a: z.string() }), z.object({ a: z.enum(['x']) }))).toEqual([
      'constraint-tightened',
    ]);
  });

  it('reports every change with its path', () => {
    const v2 = z.object({
      dossierId: z.int(),
      channel: z.enum(['online']),
      pages: z.int().positive(),
      note: z.string(),
      steps: z.array(z.object({ order: z.int(), unitCode: z.string() })),
    });
    const paths = findBreakingChanges(render(v1), render(v2)).map((c) => `${c.kind} ${c.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'type-changed $.dossierId',
        'enum-value-removed $.channel',
        'made-required $.note',
      ]),
    );
  });
});
