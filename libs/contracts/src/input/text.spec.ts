import { z } from 'zod';
import { freeText, label, safeCode } from '../events/common.schemas';
import { procedureVersionSchema } from '../events/procedure.events';
import {
  codeText,
  DEFAULT_MAX_TEXT,
  labelText,
  personName,
  reasonText,
  requestSchemaOf,
  requestText,
} from './text';

const rulesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) =>
        i.code === 'custom' ? (i.params as { rule?: string }).rule : i.code,
      );
};

describe('request text', () => {
  it.each([
    ['blank', '   ', 'too_small'],
    ['a tab only', '\t', 'too_small'],
    ['NUL', 'a\u0000b', 'no-control-characters'],
    ['BEL', 'Trần\u0007B', 'no-control-characters'],
    ['a C1 control', 'a\u0085b', 'no-control-characters'],
    ['a lone high surrogate', 'QĐ \uD83D', 'well-formed-unicode'],
    ['a lone low surrogate', '\uDE00 x', 'well-formed-unicode'],
  ])('refuses %s, naming the rule', (_, value, rule) => {
    expect(rulesOf(reasonText, value)).toContain(rule);
  });

  it('trims and composes to NFC before it bounds the length', () => {
    expect(reasonText.parse('  Tra\u0300n Văn A \n')).toBe('Tràn Văn A');
    expect(requestText(z.string(), { max: 3 }).parse(' e\u0301e\u0301e\u0301 ')).toBe('ééé');
    expect(rulesOf(requestText(z.string(), { max: 3 }), 'abcd')).toEqual(['too_big']);
  });

  it('keeps a pair of surrogates (an emoji) and line breaks in multi-line text', () => {
    expect(reasonText.parse('ok 😀\nline two')).toBe('ok 😀\nline two');
  });

  it('refuses tabs and line breaks in one-line text', () => {
    expect(rulesOf(personName, 'Trần\tVăn')).toEqual(['single-line']);
    expect(rulesOf(labelText, 'Phòng\nQLG')).toEqual(['single-line']);
  });

  it('keeps the rules of the event type it narrows (no personal number, no spaces in codes)', () => {
    expect(rulesOf(reasonText, 'CCCD 079203004567 của tôi')).toContain('invalid_format');
    expect(rulesOf(codeText(), '   ')).toContain('invalid_format');
    expect(rulesOf(codeText(32), 'x'.repeat(33))).toContain('too_big');
  });

  it('never accepts what the event type refuses: each accepted value is valid in the event', () => {
    const samples = [
      ' a ',
      'a',
      '\n\nlý do\n',
      'x'.repeat(2000),
      ` ${'x'.repeat(1999)} `,
      'A\u0301',
      '0792 0300 4567',
      'BDKG',
      ' GPKD ',
      'số 04/2026/PXL',
      '😀',
    ];
    for (const [request, event] of [
      [reasonText, freeText],
      [labelText, label],
      [codeText(), safeCode],
    ] as const) {
      for (const sample of samples) {
        const parsed = request.safeParse(sample);
        if (parsed.success) expect(event.safeParse(parsed.data).success).toBe(true);
      }
    }
  });
});

describe('requestSchemaOf', () => {
  const version = requestSchemaOf(
    procedureVersionSchema.pick({ name: true, steps: true, legalBasis: true, conditions: true }),
  );
  const valid = { name: 'Cấp phép', steps: ['Nộp'], legalBasis: ['Luật'], conditions: [] };

  it('narrows every string of an event schema, nested in arrays, and names the field', () => {
    const result = version.safeParse({ ...valid, name: ' ', steps: ['Nộp', '  '] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'steps.1']);
  });

  it('bounds text that the event leaves unbounded and keeps the event checks', () => {
    expect(version.safeParse({ ...valid, name: 'x'.repeat(DEFAULT_MAX_TEXT + 1) }).success).toBe(
      false,
    );
    expect(version.safeParse({ ...valid, steps: [] }).success).toBe(false);
    const parsed = version.parse({ ...valid, name: ' Cấp phép ' });
    expect(parsed.name).toBe('Cấp phép');
    expect(procedureVersionSchema.shape.name.safeParse(parsed.name).success).toBe(true);
  });

  it('keeps object rules (strictness, refinements) of the schema it narrows', () => {
    const schema = requestSchemaOf(
      z
        .strictObject({ a: z.string(), b: z.string().optional() })
        .refine((v) => v.a !== 'x', { message: 'not x' }),
    );
    expect(schema.safeParse({ a: 'x' }).success).toBe(false);
    expect(schema.safeParse({ a: 'y', c: 1 }).success).toBe(false);
    expect(schema.parse({ a: ' y ', b: ' z ' })).toEqual({ a: 'y', b: 'z' });
  });
});
