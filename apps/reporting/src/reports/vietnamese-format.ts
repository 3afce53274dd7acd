import { viDateTime, viDay } from '@motcua/vietnamese';

/** Reports print numbers and dates with libs/vietnamese; these are the reports' own turns of phrase. */
export { formatDecimal, formatInteger, formatPercent } from '@motcua/vietnamese';

/** `2026-11-29` → `29/11/2026`. */
export const formatDate = viDay;

/** An instant as `29/11/2026 14:05` local time, or "chưa có" (none yet). */
export function formatDateTime(iso: string | null): string {
  return iso ? viDateTime(new Date(iso)) : 'chưa có';
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** The report's period as officials write it: `Quý IV năm 2026`, `Năm 2026`. */
export function periodTitle(kind: 'quarterly' | 'yearly', year: number, quarter?: number): string {
  return kind === 'quarterly' ? `Quý ${ROMAN[(quarter ?? 1) - 1]} năm ${year}` : `Năm ${year}`;
}
