import { localDaysBounds, toLocalDate } from '@motcua/calendar';

/** The instants [start, end) of a local calendar year (the tracking book's year). */
export function localYearBounds(year: number): { start: Date; end: Date } {
  return localDaysBounds(`${year}-01-01`, `${year}-12-31`);
}

/** The local year of an instant. */
export function localYearOf(instant: Date): number {
  return Number(toLocalDate(instant).slice(0, 4));
}
