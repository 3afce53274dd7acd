import { z } from 'zod';
import { freeText, label, safeCode } from '../events/common.schemas';

/**
 * The text rules of every request of motcua (the one schema source for inputs, docs/adr/0015).
 *
 * A request field is its event field with stricter rules added after the event's own checks, so
 * a value that passes the request schema always passes the event schema once normalised: the
 * request types only ever narrow. Events already published keep their looser schemas (a replay
 * must still parse them); new text enters only through these types.
 *
 * Rules, in order: no NUL or other C0/C1 control character (tab, line feed and carriage return
 * excepted in multi-line text), no UTF-16 surrogate without its pair, Unicode NFC, trimmed, not
 * blank, bounded length.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Single-line text refuses tab, line feed and carriage return too. */
export const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Length bound of request text whose event field has none. */
export const DEFAULT_MAX_TEXT = 4000;

/** The message of the not-blank rule (a string's `too_small` at 1; the HTTP layer names it `not-blank`). */
export const NOT_BLANK = 'must not be blank';

/** Request text already narrowed is not narrowed twice (its single-line rule and bound stay). */
const narrowed = new WeakSet<z.ZodType>();
function mark<T extends z.ZodType>(schema: T): T {
  narrowed.add(schema);
  return schema;
}

type TextOptions = {
  /** Allow tab, line feed and carriage return (reasons, findings, answers). Default: true. */
  multiline?: boolean;
  /** Upper bound after normalisation; default: the base's own bound, else DEFAULT_MAX_TEXT. */
  max?: number;
};

/**
 * Narrows a string schema (an event's field, or `z.string()`) to request text. Every added check
 * names its rule (`no-control-characters`, `well-formed-unicode`, `single-line`, `not-blank`).
 */
export function requestText(
  base: z.ZodString = z.string(),
  options: TextOptions = {},
): z.ZodString {
  const multiline = options.multiline ?? true;
  const max = options.max ?? base.maxLength ?? DEFAULT_MAX_TEXT;
  let schema = base
    .refine((s) => !CONTROL_CHARACTER.test(s), {
      message: 'must not contain a control character (NUL, BEL, …)',
      params: { rule: 'no-control-characters' },
      abort: true,
    })
    .refine((s) => !LONE_SURROGATE.test(s), {
      message: 'must not contain a UTF-16 surrogate without its pair',
      params: { rule: 'well-formed-unicode' },
      abort: true,
    });
  if (!multiline) {
    schema = schema.refine((s) => !LINE_BREAK_OR_TAB.test(s), {
      message: 'must be a single line (no tab or line break)',
      params: { rule: 'single-line' },
    });
  }
  return mark(
    schema.normalize('NFC').trim().min(1, NOT_BLANK).max(max, `must be at most ${max} characters`),
  );
}

/**
 * The request form of a schema: every plain string in it (objects, arrays, optionals, defaults,
 * unions, nested to any depth) becomes request text, keeping its own checks first. Other types
 * (enums, numbers, formats such as uuid and dates, pipes) are left as they are. Used to derive a
 * request schema from an event's schema, and on each request body as a floor for fields that
 * name no text type of their own.
 */
export function requestSchemaOf<S extends z.ZodType>(schema: S): S {
  return narrow(schema) as S;
}

function narrow(schema: z.ZodType): z.ZodType {
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'string':
      // A code whose own pattern already refuses blank (procedure, agency, dossier code) is left
      // as it is (the HTTP layer still refuses control characters anywhere).
      return schema instanceof z.ZodString &&
        !narrowed.has(schema) &&
        (schema.format === null || schema.safeParse('   ').success)
        ? mark(requestText(schema))
        : schema;
    case 'object': {
      const shape: Record<string, z.ZodType> = {};
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        shape[key] = narrow(value);
      }
      return schema.clone({ ...def, shape } as never);
    }
    case 'array':
      return schema.clone({ ...def, element: narrow(def.element as z.ZodType) } as never);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return schema.clone({ ...def, innerType: narrow(def.innerType as z.ZodType) } as never);
    case 'union':
      return schema.clone({
        ...def,
        options: (def.options as z.ZodType[]).map(narrow),
      } as never);
    default:
      return schema;
  }
}

/** A reason, finding, note or answer: the event's freeText (no personal number, ≤ 2,000), multi-line. */
export const reasonText = requestText(freeText);
/** A short name (unit, step, organisation, body): the event's label (≤ 300), one line. */
export const labelText = requestText(label, { multiline: false });
/** A person's name as written on the papers (≤ 200), one line. */
export const personName = requestText(z.string(), { multiline: false, max: 200 });
/** A code or number without spaces (document slot, slip, result, version): the event's safeCode. */
export const codeText = (max = 64) => requestText(safeCode, { multiline: false, max });
/** A reference such as a decision or plan number (spaces allowed), one line. */
export const referenceText = (max = 64) => requestText(z.string(), { multiline: false, max });
/** Free text with a given bound, multi-line (a regulation, a feedback's content). */
export const boundedText = (max: number) => requestText(z.string(), { max });
/** One-line text with a given bound (a title, an address). */
export const lineText = (max: number) => requestText(z.string(), { multiline: false, max });
