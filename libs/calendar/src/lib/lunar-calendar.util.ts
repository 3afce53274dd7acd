/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically; no typed-in dates.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (the reference used by Vietnamese calendar
 * software), itself built on Jean Meeus, "Astronomical Algorithms" (1998): truncated series
 * for the mean new moon (ch. 49) and the apparent solar longitude (ch. 25).
 * Calendar rules: a month starts on the local day of a new moon; month 11 contains the winter
 * solstice; a year with 13 months between two months 11 repeats (as a leap month) the first
 * month after month 11 that contains no major solar term (trung khí).
 *
 * The local day is taken in UTC+7 (Vietnam's calendar since 1968; China's uses UTC+8, which is
 * why, e.g., Tết 1985 is 21 Jan in Vietnam and 20 Feb in China). `timeZone` is a parameter only
 * so that tests can show that difference; every holiday computation uses 7.
 * Accuracy: Đức states the truncated series are good for 1800–2199; we accept 1900–2199.
 */
import { CalendarError } from './calendar.error';
import {
  epochDayFromParts,
  formatEpochDay,
  type IsoDate,
  parseIsoDate,
  yearOfEpochDay,
} from './iso-date.util';

export type LunarDate = { year: number; month: number; day: number; leap: boolean };

export const VIETNAM_TIME_ZONE_HOURS = 7;
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

/** Julian Day Number of 1970-01-01 (epoch day 0). */
const JDN_OF_EPOCH = 2_440_588;
/** Julian day of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2_415_021.076998695;
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;

/** Julian day (TT, fractional) of the k-th mean-corrected new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's latitude arg
  let c = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * m * DEG);
  c += -0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(2 * mpr * DEG);
  c += -0.0004 * Math.sin(3 * mpr * DEG);
  c += 0.0104 * Math.sin(2 * f * DEG) - 0.0051 * Math.sin((m + mpr) * DEG);
  c += -0.0074 * Math.sin((m - mpr) * DEG) + 0.0004 * Math.sin((2 * f + m) * DEG);
  c += -0.0004 * Math.sin((2 * f - m) * DEG) - 0.0006 * Math.sin((2 * f + mpr) * DEG);
  c += 0.001 * Math.sin((2 * f - mpr) * DEG) + 0.0005 * Math.sin((2 * mpr + m) * DEG);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** Apparent solar longitude in radians, [0, 2π), at Julian day `jd`. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m * DEG);
  dl += (0.019993 - 0.000101 * t) * Math.sin(2 * m * DEG) + 0.00029 * Math.sin(3 * m * DEG);
  const l = (l0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Julian Day Number of the local day on which new moon `k` falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which 30° sector (0–11) the sun is in at the start of local day `jdn`. */
function sunSector(jdn: number, timeZone: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 of the lunar year that ends in solar `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdnFromEpochDay(epochDayFromParts(year, 12, 31)) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // Sector ≥ 9 means the sun has already passed 270° (winter solstice) at that new moon.
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (months after month 11 starting at a11) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function jdnFromEpochDay(epochDay: number): number {
  return epochDay + JDN_OF_EPOCH;
}

function assertLunarYear(year: number, label: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError(
      'year-range',
      `${label} ${year} is outside the lunar calendar's supported years ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`,
    );
  }
}

/** Converts an epoch day to the Vietnamese lunar date. */
export function lunarDateOfEpochDay(
  epochDay: number,
  timeZone = VIETNAM_TIME_ZONE_HOURS,
): LunarDate {
  const solarYear = yearOfEpochDay(epochDay);
  assertLunarYear(solarYear, 'year');
  const jdn = jdnFromEpochDay(epochDay);
  // The mean-month estimate k can be off by one either way near a month boundary (the true
  // new moon differs from the mean one by up to ~14 hours): step back until the start ≤ jdn.
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, timeZone);
  while (monthStart > jdn) {
    k -= 1;
    monthStart = newMoonDay(k, timeZone);
  }
  let a11 = lunarMonth11(solarYear, timeZone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = solarYear;
    a11 = lunarMonth11(solarYear - 1, timeZone);
  } else {
    year = solarYear + 1;
    b11 = lunarMonth11(solarYear + 1, timeZone);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day, leap };
}

/** Converts a Vietnamese lunar date to an epoch day; throws rule `lunar-date` if it does not exist. */
export function epochDayOfLunarDate(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE_HOURS): number {
  const { year, month, day, leap } = lunar;
  assertLunarYear(year, 'lunar year');
  const invalid = (why: string) =>
    new CalendarError('lunar-date', `lunar date ${JSON.stringify(lunar)} does not exist: ${why}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid('month must be 1-12');
  if (!Number.isInteger(day) || day < 1 || day > 30) throw invalid('day must be 1-30');
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, timeZone), lunarMonth11(year, timeZone)]
      : [lunarMonth11(year, timeZone), lunarMonth11(year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw invalid(`the leap month of ${year} is ${leapMonth}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw invalid(`lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off, timeZone);
  const monthLength = newMoonDay(k + off + 1, timeZone) - monthStart;
  if (day > monthLength) throw invalid(`that month has ${monthLength} days`);
  return monthStart + day - 1 - JDN_OF_EPOCH;
}

/** The Vietnamese lunar date of an ISO calendar date. */
export function toLunarDate(date: IsoDate, timeZone = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  return lunarDateOfEpochDay(parseIsoDate(date), timeZone);
}

/** The ISO calendar date of a Vietnamese lunar date (`leap` true for the repeated month). */
export function fromLunarDate(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE_HOURS): IsoDate {
  return formatEpochDay(epochDayOfLunarDate(lunar, timeZone));
}

/** Tết Nguyên Đán: the solar date of lunar 1/1 of lunar year `year`. */
export function lunarNewYear(year: number, timeZone = VIETNAM_TIME_ZONE_HOURS): IsoDate {
  return fromLunarDate({ year, month: 1, day: 1, leap: false }, timeZone);
}
