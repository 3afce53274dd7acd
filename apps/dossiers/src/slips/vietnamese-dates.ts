import { toLocalDate, toLocalTime } from '@motcua/calendar';

/** Dates as Vietnamese forms print them, in Asia/Ho_Chi_Minh (libs/calendar's fixed UTC+7). */
function localParts(instant: Date) {
  const [year, month, day] = toLocalDate(instant).split('-');
  const [hour, minute] = toLocalTime(instant).split(':');
  return { year, month, day, hour, minute };
}

/** `dd/MM/yyyy`. */
export function viDate(instant: Date): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `dd/MM/yyyy HH:mm`. */
export function viDateTime(instant: Date): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `ngày 05 tháng 01 năm 2027`. */
export function viLongDate(instant: Date): string {
  const p = localParts(instant);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** `08 giờ 30 phút, ngày 05 tháng 01 năm 2027` (the forms' time of receipt and of return). */
export function viTimeAndDate(instant: Date): string {
  const p = localParts(instant);
  return `${p.hour} giờ ${p.minute} phút, ${viLongDate(instant)}`;
}

/** The instants [start, end) of a local calendar year. */
export function localYearBounds(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+07:00`), end: new Date(`${year + 1}-01-01T00:00:00+07:00`) };
}

/** The local year of an instant. */
export function localYearOf(instant: Date): number {
  return Number(toLocalDate(instant).slice(0, 4));
}
