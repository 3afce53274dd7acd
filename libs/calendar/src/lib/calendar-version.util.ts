import { createHash } from 'node:crypto';
import { type SwapTable } from './day-swaps.types';
import { type HolidayRuleSet } from './holiday.types';
import { type ReceiptPolicy } from './receipt-policy.types';

/**
 * Bump when the code's interpretation of the data changes (e.g. the compensation rule or the
 * lunar algorithm), so that the version changes even if the data did not.
 */
export const CALENDAR_ALGORITHM_VERSION = 1;

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stable fingerprint of everything that decides a computed date: the holiday rule sets,
 * the per-year table and the receipt policies (plus the algorithm version). A dossier stores
 * it next to its appointment date to record which calendar produced it.
 * Form: `vn-cal-<algorithm>-<table id>-<16 hex digits of SHA-256>`.
 */
export function computeCalendarVersion(
  ruleSets: readonly HolidayRuleSet[],
  table: SwapTable,
  policies: readonly ReceiptPolicy[],
): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ algorithm: CALENDAR_ALGORITHM_VERSION, ruleSets, table, policies }))
    .digest('hex');
  return `vn-cal-${CALENDAR_ALGORITHM_VERSION}-${table.id}-${digest.slice(0, 16)}`;
}
