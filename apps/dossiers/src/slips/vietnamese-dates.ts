/**
 * Dates as Vietnamese forms print them, in Asia/Ho_Chi_Minh (UTC+7, no daylight saving: the
 * machine's TZ is never consulted, as in libs/calendar).
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function localParts(instant: Date) {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    day: pad(local.getUTCDate()),
    month: pad(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    hour: pad(local.getUTCHours()),
    minute: pad(local.getUTCMinutes()),
  };
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
  return {
    start: new Date(Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS),
  };
}

/** The local year of an instant. */
export function localYearOf(instant: Date): number {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}
