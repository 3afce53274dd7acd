/**
 * A small, deterministic YAML emitter for JSON values (the generated AsyncAPI document). Written
 * here rather than taken from node_modules because no YAML library is a direct dependency of the
 * repo, and a transitive one could change its output under us and make the committed document
 * look stale. Strings are plain only when plainly safe; otherwise JSON double-quoted (a JSON string
 * is a valid YAML double-quoted scalar) or a literal block for multi-line text.
 */
export function toYaml(value: unknown): string {
  return `${block(value, 0).join('\n')}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[$\p{L}_][\p{L}\p{N} _./()'+-]*$/u;

function isCompound(value: unknown): value is Json[] | { [key: string]: Json } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Array.isArray(value) ? value.length > 0 : entries(value).length > 0)
  );
}

function entries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function block(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (!isCompound(value)) return scalarLines(pad, value, indent + 2);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isCompound(item)) return scalarLines(`${pad}- `, item, indent + 2);
      const inner = block(item, indent + 2);
      inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
      return inner;
    });
  }
  return entries(value).flatMap(([key, item]) => {
    const head = `${pad}${scalar(key)}:`;
    return isCompound(item)
      ? [head, ...block(item, indent + 2)]
      : scalarLines(`${head} `, item, indent + 2);
  });
}

function scalarLines(prefix: string, value: unknown, contentIndent: number): string[] {
  if (typeof value === 'string' && isLiteralBlock(value)) {
    const pad = ' '.repeat(contentIndent);
    return [`${prefix}|-`, ...value.split('\n').map((line) => (line ? `${pad}${line}` : ''))];
  }
  return [`${prefix}${scalar(value)}`];
}

/** Multi-line text without trailing newline, leading space, trailing blanks or control characters. */
function isLiteralBlock(text: string): boolean {
  return (
    text.includes('\n') &&
    !text.endsWith('\n') &&
    !/^\s/.test(text) &&
    !/[ \t]\n|[ \t]$/.test(text) &&
    ![...text].some(isControl)
  );
}

/** C0 controls but the line feed, DEL, NEL, line/paragraph separators and the BOM. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x0a) || [0x7f, 0x85, 0x2028, 0x2029, 0xfeff].includes(code);
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as YAML`);
    return String(value);
  }
  if (typeof value === 'string') {
    const plain =
      PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !/: | #/.test(value);
    return plain ? value : JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  throw new TypeError(`cannot write a ${typeof value} as YAML`);
}
