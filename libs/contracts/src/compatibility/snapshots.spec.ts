import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineEvent } from '../define-event';
import {
  GENERATE_COMMAND,
  SNAPSHOT_DIR,
  snapshotFileOf,
  snapshotOf,
} from '../generation/generated-files';
import { planSnapshots } from '../generation/snapshots';
import { WORKSPACE_ROOT } from '../../test/support/workspace-root';
import { ALL_EVENTS } from '../registry';
import { findBreakingChanges } from './find-breaking-changes';

const committed = new Map<string, unknown>(
  existsSync(join(WORKSPACE_ROOT, SNAPSHOT_DIR))
    ? readdirSync(join(WORKSPACE_ROOT, SNAPSHOT_DIR))
        .filter((name) => name.endsWith('.json'))
        .map((name) => [
          name.replace(/\.json$/, ''),
          JSON.parse(readFileSync(join(WORKSPACE_ROOT, SNAPSHOT_DIR, name), 'utf8')),
        ])
    : [],
);

describe('compatibility guard: every published event against its committed snapshot', () => {
  it.each(ALL_EVENTS.map((contract) => [contract.type, contract] as const))(
    '%s has no breaking change',
    (type, contract) => {
      const snapshot = committed.get(type);
      if (snapshot === undefined) {
        throw new Error(
          `${snapshotFileOf(type)} is missing: run \`${GENERATE_COMMAND}\` and commit it`,
        );
      }
      const changes = findBreakingChanges(snapshot, snapshotOf(contract));
      if (changes.length > 0) {
        throw new Error(
          [
            `${type} changed in a breaking way:`,
            ...changes.map((c) => `  - ${c.kind} at ${c.path}: ${c.detail}`),
            'Publish it as a new version of the event (new contract, version + 1) instead.',
          ].join('\n'),
        );
      }
      if (JSON.stringify(snapshot) !== JSON.stringify(snapshotOf(contract))) {
        throw new Error(
          `${snapshotFileOf(type)} is stale (compatible change): run \`${GENERATE_COMMAND}\``,
        );
      }
    },
  );

  it('keeps no snapshot of a type that has no contract any more (a published event may not vanish)', () => {
    const known = new Set(ALL_EVENTS.map((contract) => contract.type));
    expect([...committed.keys()].filter((type) => !known.has(type))).toEqual([]);
  });
});

describe('snapshot policy (planSnapshots)', () => {
  const make = (
    schema: z.ZodObject<{ id: z.ZodString } & z.ZodRawShape>,
    example: { id: string },
  ) =>
    defineEvent({
      name: 'motcua.test.thing',
      version: 1,
      topic: 'catalog.review.v1',
      keyField: 'id',
      source: '/motcua/catalog',
      summary: 'test',
      schema,
      example,
    });
  const v1 = make(z.object({ id: z.string(), note: z.string().optional() }), { id: 'a' });
  const added = make(
    z.object({ id: z.string(), note: z.string().optional(), more: z.string().optional() }),
    {
      id: 'a',
    },
  );
  const removed = make(z.object({ id: z.string() }), { id: 'a' });

  it('creates the snapshot of a new type', () => {
    const { decisions } = planSnapshots([v1], new Map(), { acceptBreaking: false });
    expect(decisions.map((d) => d.action)).toEqual(['create']);
  });

  it('keeps an unchanged snapshot and refreshes it on a compatible change', () => {
    const published = new Map([[v1.type, snapshotOf(v1)]]);
    expect(planSnapshots([v1], published, { acceptBreaking: false }).decisions[0].action).toBe(
      'keep',
    );
    expect(planSnapshots([added], published, { acceptBreaking: false }).decisions[0].action).toBe(
      'refresh',
    );
  });

  it('blocks a breaking change unless explicitly accepted', () => {
    const published = new Map([[v1.type, snapshotOf(v1)]]);
    const blocked = planSnapshots([removed], published, { acceptBreaking: false }).decisions[0];
    expect(blocked.action).toBe('blocked');
    expect(blocked.changes.map((c) => c.kind)).toEqual(['field-removed']);
    expect(planSnapshots([removed], published, { acceptBreaking: true }).decisions[0].action).toBe(
      'accept-breaking',
    );
  });

  it('reports orphans', () => {
    const published = new Map([['motcua.gone.v1', {}]]);
    expect(planSnapshots([v1], published, { acceptBreaking: false }).orphans).toEqual([
      'motcua.gone.v1',
    ]);
  });
});
