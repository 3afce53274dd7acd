import { toLocalDate } from '@motcua/calendar';

/** The instants [start, end) of a local calendar year (the tracking book's year). */
export function localYearBounds(year: number): { start: Date; end: Date } {
  return {
    start: new Date(`${year}-01-01T00:00:00+07:00`),
    end: new Date(`${year + 1}-01-01T00:00:00+07:00`),
  };
}

/** The local year of an instant. */
export function localYearOf(instant: Date): number {
  return Number(toLocalDate(instant).slice(0, 4));
}
