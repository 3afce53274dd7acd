/**
 * Errors as they may be logged: no personal data. A database error's `detail` ("Failing row contains
 * (…, Nguyễn Văn An, …)", "Key (…)=(…) already exists"), `where`, query parameters and driver metadata
 * carry the row's values, so they are dropped; values quoted or bracketed in a message are masked.
 * What stays (name, code, constraint, table, column, the stack's frames) is enough to find the fault.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (error === null || error === undefined) return undefined;
  if (typeof error !== 'object')
    return { message: redactErrorText(JSON.stringify(error) ?? typeof error) };
  const e = error as Record<string, unknown>;
  const name = e['name'];
  const safe: Record<string, unknown> = {
    type: typeof name === 'string' ? name : (e.constructor?.name ?? 'Error'),
  };
  if (typeof e['message'] === 'string') safe['message'] = redactErrorText(e['message']);
  if (typeof e['stack'] === 'string') safe['stack'] = redactErrorText(e['stack']);
  for (const key of SAFE_FIELDS) {
    const value = e[key];
    if (typeof value === 'string' || typeof value === 'number') safe[key] = value;
  }
  const meta = e['meta'] as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') {
    safe['meta'] = Object.fromEntries(
      Object.entries(meta).filter(
        ([k, v]) => META_FIELDS.has(k) && (typeof v === 'string' || Array.isArray(v)),
      ),
    );
  }
  if (e['cause'] !== undefined && depth < 3) safe['cause'] = safeError(e['cause'], depth + 1);
  return safe;
}

const SAFE_FIELDS = [
  'code',
  'status',
  'statusCode',
  'constraint',
  'table',
  'column',
  'schema',
  'routine',
  'severity',
  'kind',
  'clientVersion',
  'errorCode',
  'type',
] as const;
const META_FIELDS = new Set(['target', 'modelName', 'constraint', 'field_name', 'code', 'kind']);

/** Masks the values a message may quote: "Failing row contains (…)", "Key (x)=(…)", `"…"` and `'…'` literals after a colon. */
export function redactErrorText(text: string): string {
  return text
    .replace(/Failing row contains \([\s\S]*?\)(?=\.?(\s|$))/g, 'Failing row contains ([redacted])')
    .replace(/=\([^)]*\)/g, '=([redacted])')
    .replace(/(:\s*)"[^"\n]*"/g, '$1"[redacted]"')
    .replace(/(:\s*)'[^'\n]*'/g, "$1'[redacted]'")
    .replace(/\bDETAIL:[^\n]*/g, 'DETAIL: [redacted]');
}
