import { z } from 'zod';
import { payloadJsonSchema } from '../generation/json-schema';
import { DIGITIZATION_EVENTS, DOSSIER_EVENTS, FEEDBACK_EVENTS } from '../registry';
import { dossierReceived, dossierSubmitted } from './dossier.events';
import { dossierRefused } from './dossier-outcome.events';

/**
 * The internal stream may carry what motcua services need, but never a raw personal identification
 * number (CCCD): only applicantKey. Every string field of the person-related families must be
 * unable to hold one, by format or by pattern (so the rule is in the JSON Schema too).
 */
const CCCD = '079203004567';
const PROBES = [
  CCCD,
  `x${CCCD}`,
  `${CCCD}x`,
  `CCCD ${CCCD}`,
  '079 203 004 567',
  '079.203.004.567',
  '079203-004567',
];
/** Machine-made values: ids, instants and dates our services generate themselves. */
const SAFE_FORMATS = new Set(['uuid', 'date', 'date-time']);

type Node = { [key: string]: unknown };

function stringLeaves(schema: Node, path: string): { path: string; schema: Node }[] {
  const children: { path: string; schema: Node }[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
    children.push(...stringLeaves(child, `${path}.${name}`));
  }
  if (schema.items) children.push(...stringLeaves(schema.items as Node, `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const child of (schema[key] ?? []) as Node[]) children.push(...stringLeaves(child, path));
  }
  const types = ([] as unknown[]).concat(schema.type ?? []);
  return types.includes('string') ? [{ path, schema }, ...children] : children;
}

function canHoldPersonalId(schema: Node): boolean {
  if (SAFE_FORMATS.has(schema.format as string)) return false;
  if (schema.enum !== undefined || schema.const !== undefined) {
    return [...((schema.enum as unknown[]) ?? []), schema.const].some(
      (v) => typeof v === 'string' && /\d{9}/.test(v),
    );
  }
  const pattern = schema.pattern ? new RegExp(schema.pattern as string) : undefined;
  const maxLength = (schema.maxLength as number | undefined) ?? Infinity;
  return PROBES.some((probe) => probe.length <= maxLength && (!pattern || pattern.test(probe)));
}

describe('the internal stream cannot carry a personal identification number', () => {
  const contracts = [...DOSSIER_EVENTS, ...FEEDBACK_EVENTS, ...DIGITIZATION_EVENTS];

  it.each(contracts.map((c) => [c.type, c] as const))(
    '%s: every string field is closed to it',
    (_, contract) => {
      const exposed = stringLeaves(payloadJsonSchema(contract), '$')
        .filter((leaf) => canHoldPersonalId(leaf.schema))
        .map((leaf) => leaf.path);
      expect(exposed).toEqual([]);
    },
  );

  it('zod rejects it too, e.g. in a refusal reason', () => {
    const data = { ...dossierRefused.example, reasons: [`Sai số CCCD ${CCCD}`] };
    expect(dossierRefused.schema.safeParse(data).success).toBe(false);
  });

  it("never carries a citizen's name", () => {
    const citizen = { ...dossierReceived.example, applicantType: 'citizen' as const };
    expect(dossierReceived.schema.safeParse(citizen).success).toBe(false);
    const { organisationName: _name, ...withoutName } = citizen;
    expect(dossierReceived.schema.safeParse(withoutName).success).toBe(true);
    expect(
      dossierSubmitted.schema.safeParse({ ...dossierSubmitted.example, applicantType: 'citizen' })
        .success,
    ).toBe(false);
  });

  it('strips unknown fields (a stray identifier never reaches the outbox)', () => {
    const parsed = dossierReceived.schema.parse({
      ...dossierReceived.example,
      citizenId: CCCD,
    }) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('citizenId');
    expect(JSON.stringify(parsed)).not.toContain(CCCD);
  });

  it('applicantKey must be a SHA-256 digest, not an identifier', () => {
    for (const applicantKey of [CCCD, CCCD.padEnd(64, 'g')]) {
      expect(
        dossierReceived.schema.safeParse({ ...dossierReceived.example, applicantKey }).success,
      ).toBe(false);
    }
    expect(z.toJSONSchema(z.string()).type).toBe('string');
  });
});
