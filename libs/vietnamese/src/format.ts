/**
 * Dates and numbers as Vietnamese forms and reports print them: 1.234.567 and 87,5 %; dd/MM/yyyy in
 * Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving since 1975, as libs/calendar assumes).
 */
import { toLocalDate, toLocalTime } from '@motcua/calendar';

function localParts(instant: Date) {
  const local = `${toLocalDate(instant)}T${toLocalTime(instant)}`;
  return {
    year: local.slice(0, 4),
    month: local.slice(5, 7),
    day: local.slice(8, 10),
    hour: local.slice(11, 13),
    minute: local.slice(14, 16),
  };
}

/** `29/11/2026`. */
export function viDate(instant: Date): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `29/11/2026 14:05`. */
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

/** A calendar day `2026-11-29` (or the day part of an ISO text) as `29/11/2026`. */
export function viDay(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const formatInteger = (n: number) => integer.format(n);
export const formatDecimal = (n: number) => decimal.format(n);
export const formatPercent = (rate: number | null) => (rate === null ? '–' : percent.format(rate));
