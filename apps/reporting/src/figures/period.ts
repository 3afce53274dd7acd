import { toLocalDate } from '@motcua/calendar';
import type { Filters } from './figures.repository';

export type PeriodKind = 'day' | 'month' | 'quarter' | 'year' | 'range';
export type Period = { kind: PeriodKind; from: string; to: string };
export type Granularity = 'day' | 'month' | 'quarter' | 'year';

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period and the figure filters a query of figures or of the evaluation asks for. */
export function periodAndFilters(
  query: { period: PeriodKind; date?: string; from?: string; to?: string } & Filters,
): { period: Period; filters: Filters } {
  const { agency, unit, domain, procedure } = query;
  return {
    period: resolvePeriod(query.period, query.date, query.from, query.to),
    filters: { agency, unit, domain, procedure },
  };
}

/** The inclusive local date range of a period around `date` (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
export function resolvePeriod(
  kind: PeriodKind,
  date?: string,
  from?: string,
  to?: string,
  now = new Date(),
): Period {
  if (kind === 'range') return { kind, from: from!, to: to! };
  const anchor = date ?? toLocalDate(now);
  const [year, month] = anchor.split('-').map(Number);
  switch (kind) {
    case 'day':
      return { kind, from: anchor, to: anchor };
    case 'month':
      return {
        kind,
        from: `${year}-${pad(month)}-01`,
        to: `${year}-${pad(month)}-${lastDayOfMonth(year, month)}`,
      };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return {
        kind,
        from: `${year}-${pad(first)}-01`,
        to: `${year}-${pad(first + 2)}-${lastDayOfMonth(year, first + 2)}`,
      };
    }
    case 'year':
      return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** The first day of the bucket containing `day` (for time series). */
export function bucketOf(day: string, granularity: Granularity): string {
  const [year, month] = day.split('-').map(Number);
  switch (granularity) {
    case 'day':
      return day;
    case 'month':
      return `${year}-${pad(month)}-01`;
    case 'quarter':
      return `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`;
    case 'year':
      return `${year}-01-01`;
  }
}

export type RollupParts = {
  months: { from: string; to: string } | null;
  days: { from: string; to: string }[];
};

const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86400000).toISOString().slice(0, 10);

/**
 * Which days of a period the monthly rollup can answer (the whole months inside it, as their first days)
 * and which are left to the daily rollup (the partial months at both ends).
 */
export function splitByMonths(from: string, to: string): RollupParts {
  const nextMonth = (day: string) => bucketOf(addDays(bucketOf(day, 'month'), 31), 'month');
  const firstFull = from.endsWith('-01') ? from : nextMonth(from);
  const lastFull =
    addDays(nextMonth(to), -1) === to
      ? bucketOf(to, 'month')
      : bucketOf(addDays(bucketOf(to, 'month'), -1), 'month');
  if (firstFull > lastFull) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstFull) days.push({ from, to: addDays(firstFull, -1) });
  if (nextMonth(lastFull) <= to) days.push({ from: nextMonth(lastFull), to });
  return { months: { from: firstFull, to: lastFull }, days };
}
