import {
  addCalendarDays,
  atLocalTime,
  isWorkingDay,
  officeHours,
  toLocalDate,
} from '@motcua/calendar';

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
    for (const { from: start, to: end } of officeHours) {
      const a = Math.max(from.getTime(), atLocalTime(day, start).getTime());
      const b = Math.min(to.getTime(), atLocalTime(day, end).getTime());
      if (b > a) total += b - a;
    }
  }
  return Math.floor(total / 360_000) / 10;
}
