/** Vietnamese formatting for reports: 1.234.567 and 87,5%; dates dd/mm/yyyy (Asia/Ho_Chi_Minh). */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatInteger = (n: number) => integer.format(n);
export const formatDecimal = (n: number) => decimal.format(n);
export const formatPercent = (rate: number | null) => (rate === null ? '–' : percent.format(rate));

/** `2026-11-29` → `29/11/2026`. */
export function formatDate(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as `29/11/2026 14:05` local time. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return 'chưa có';
  const local = new Date(Date.parse(iso) + 7 * 3600000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** The report's period as officials write it: `Quý IV năm 2026`, `Năm 2026`. */
export function periodTitle(kind: 'quarterly' | 'yearly', year: number, quarter?: number): string {
  return kind === 'quarterly' ? `Quý ${ROMAN[(quarter ?? 1) - 1]} năm ${year}` : `Năm ${year}`;
}
