import { addCalendarDays, isWorkingDay, toLocalDate } from '@motcua/calendar';

/** Office hours of the Decree 61 baseline (docs/domain.md §3): 07:00-11:30 and 13:30-17:00 local. */
const PERIODS: ReadonlyArray<[string, string]> = [
  ['07:00', '11:30'],
  ['13:30', '17:00'],
];

/** Working (office) hours between two instants, rounded down to a tenth; 0 when `to` ≤ `from`. */
export function workingHoursBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  const last = toLocalDate(to);
  for (
    let day = toLocalDate(from), guard = 0;
    day <= last && guard < 400;
    day = addCalendarDays(day, 1), guard += 1
  ) {
    if (!isWorkingDay(day)) continue;
    for (const [start, end] of PERIODS) {
      const a = Math.max(from.getTime(), new Date(`${day}T${start}:00+07:00`).getTime());
      const b = Math.min(to.getTime(), new Date(`${day}T${end}:00+07:00`).getTime());
      if (b > a) total += b - a;
    }
  }
  return Math.floor(total / 360_000) / 10;
}
