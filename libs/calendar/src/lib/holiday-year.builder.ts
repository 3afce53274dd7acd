import { CalendarError } from './calendar.error';
import { type LegalSource, type YearDecision } from './day-swaps.types';
import { tableDate, validateYearDecision } from './day-swaps.validator';
import { type Holiday, type HolidayRuleSet, type MakeUpWorkingDay } from './holiday.types';
import { epochDayFromParts, formatEpochDay, weekdayOfEpochDay } from './iso-date.util';
import { epochDayOfLunarDate } from './lunar-calendar.util';

/** The days off and make-up working days of one year, ready for lookups. */
export type HolidayYear = {
  year: number;
  ruleSetId: string;
  holidays: Holiday[];
  makeUpWorkingDays: MakeUpWorkingDay[];
  /** Epoch day → the (first) reason it is off. */
  offDays: ReadonlyMap<number, Holiday>;
  /** Epoch days of weekly rest days that are worked. */
  workDays: ReadonlySet<number>;
};

type Dated = { day: number; holiday: Omit<Holiday, 'date'> };

export function describeSource(source: LegalSource): string {
  const when = source.issuedOn ? `, ${source.issuedOn}` : '';
  return `${source.document} (${source.issuedBy}${when})`;
}

/** Default adjacent day of 2/9 ('join-weekend'): 3/9 if 1/9 is a rest day or 2/9 a Thursday. */
function defaultAdjacentDay(year: number, ruleSet: HolidayRuleSet): number {
  const anchor = epochDayFromParts(
    year,
    ruleSet.nationalDayAdjacent.month,
    ruleSet.nationalDayAdjacent.day,
  );
  const before = anchor - 1;
  const beforeIsRest = ruleSet.weeklyRestDays.includes(weekdayOfEpochDay(before));
  return beforeIsRest || weekdayOfEpochDay(anchor) === 4 ? anchor + 1 : before;
}

/** The public holidays of Art. 112(1) for `year`, with the year's decisions applied. */
function publicHolidays(year: number, ruleSet: HolidayRuleSet, decision?: YearDecision): Dated[] {
  const code = ruleSet.legalBasis;
  const days: Dated[] = ruleSet.fixedHolidays.map((r) => ({
    day:
      r.type === 'solar'
        ? epochDayFromParts(year, r.month, r.day)
        : epochDayOfLunarDate({ year, month: r.lunarMonth, day: r.lunarDay, leap: false }),
    holiday: {
      kind: 'public-holiday',
      key: r.key,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      rule: r.rule,
      source: code,
    },
  }));
  const newYear = epochDayOfLunarDate({ year, month: 1, day: 1, leap: false });
  const { tet, nationalDayAdjacent: adj } = ruleSet;
  const tetDays = decision?.tetDays
    ? decision.tetDays.dates.map((d, i) => tableDate(d, decision, `tetDays[${i}]`))
    : tet.defaultOffsets.map((offset) => newYear + offset);
  const tetRule = decision?.tetDays
    ? `${tet.rule}; days as decided for ${year}`
    : `${tet.rule}; default for a year without a decision: the day before lunar 1/1 and 1/1-4/1`;
  const tetSource = decision?.tetDays ? describeSource(decision.tetDays.source) : code;
  for (const day of tetDays) {
    days.push({
      day,
      holiday: {
        kind: 'public-holiday',
        key: 'tet',
        nameVi: tet.nameVi,
        nameEn: tet.nameEn,
        rule: tetRule,
        source: tetSource,
      },
    });
  }
  const decided = decision?.nationalDayAdjacent;
  days.push({
    day: decided
      ? tableDate(decided.date, decision, 'nationalDayAdjacent')
      : defaultAdjacentDay(year, ruleSet),
    holiday: {
      kind: 'public-holiday',
      key: 'national-day-adjacent',
      nameVi: adj.nameVi,
      nameEn: adj.nameEn,
      rule: decided
        ? `${adj.rule}; day as decided for ${year}`
        : `${adj.rule}; default: 1/9, or 3/9 when 1/9 is a weekend day or 2/9 a Thursday`,
      source: decided ? describeSource(decided.source) : code,
    },
  });
  return days.sort((a, b) => a.day - b.day);
}

/**
 * Builds a year: public holidays, then government swaps and extra days off, then one
 * compensatory day (nghỉ bù) per holiday that falls on a weekly rest day, on the next weekday
 * that is not already off (Art. 111(3)); several compensations queue up in date order.
 */
export function buildHolidayYear(
  year: number,
  ruleSet: HolidayRuleSet,
  decision?: YearDecision,
): HolidayYear {
  if (decision) {
    const newYear = epochDayOfLunarDate({ year, month: 1, day: 1, leap: false });
    validateYearDecision(decision, ruleSet, newYear);
  }
  const isRest = (day: number) => ruleSet.weeklyRestDays.includes(weekdayOfEpochDay(day));
  const dated = publicHolidays(year, ruleSet, decision);
  const taken = new Set(dated.map((d) => d.day));
  const noMakeUp = new Set<number>();
  for (const rule of ruleSet.statutoryDaysOff ?? []) {
    const day = epochDayFromParts(year, rule.month, rule.day);
    if (formatEpochDay(day) < rule.effectiveFrom) continue;
    if (taken.has(day)) {
      throw new CalendarError(
        'holiday-rule-set',
        `${ruleSet.id}: ${rule.key} on ${formatEpochDay(day)} collides with another day off`,
      );
    }
    taken.add(day);
    if (rule.onWeeklyRestDay === 'no-make-up') noMakeUp.add(day);
    dated.push({
      day,
      holiday: {
        kind: 'public-holiday',
        key: rule.key,
        nameVi: rule.nameVi,
        nameEn: rule.nameEn,
        rule: `${rule.rule}; on a weekly rest day: ${rule.onWeeklyRestDay}`,
        source: rule.legalBasis,
      },
    });
  }
  const makeUpWorkingDays: MakeUpWorkingDay[] = [];
  const workDays = new Set<number>();
  const conflict = (date: string, what: string) =>
    new CalendarError(
      'swap-table',
      `swap table ${year}: ${date} ${what} is already a public holiday`,
    );
  for (const swap of decision?.swaps ?? []) {
    const off = tableDate(swap.dayOff, decision as YearDecision, 'swap dayOff');
    const makeUp = tableDate(swap.makeUpDay, decision as YearDecision, 'swap makeUpDay');
    if (taken.has(off)) throw conflict(swap.dayOff, 'swapped day off');
    if (taken.has(makeUp)) throw conflict(swap.makeUpDay, 'make-up working day');
    taken.add(off);
    const source = describeSource(swap.source);
    dated.push({
      day: off,
      holiday: {
        kind: 'swapped-day-off',
        key: 'swap',
        nameVi: `Nghỉ hoán đổi (làm bù ngày ${swap.makeUpDay})`,
        nameEn: `Swapped day off (worked back on ${swap.makeUpDay})`,
        rule: 'Labour Code 2019 Art. 112(3); day swap decided by the government for the year',
        source,
      },
    });
    makeUpWorkingDays.push({ date: swap.makeUpDay, replaces: swap.dayOff, source });
    workDays.add(makeUp);
  }
  for (const extra of decision?.extraDaysOff ?? []) {
    const day = tableDate(extra.date, decision as YearDecision, 'extraDaysOff');
    taken.add(day);
    dated.push({
      day,
      holiday: {
        kind: 'extra-day-off',
        key: 'extra',
        nameVi: extra.nameVi,
        nameEn: extra.nameEn,
        rule: 'One-off day off decided by the government for the year',
        source: describeSource(extra.source),
      },
    });
  }
  const compensated = dated.filter(
    (d) => d.holiday.kind === 'public-holiday' && isRest(d.day) && !noMakeUp.has(d.day),
  );
  for (const { day, holiday } of compensated) {
    let candidate = day + 1;
    while (isRest(candidate) || taken.has(candidate)) candidate += 1;
    taken.add(candidate);
    dated.push({
      day: candidate,
      holiday: {
        kind: 'compensatory-day-off',
        key: holiday.key,
        nameVi: `Nghỉ bù ${holiday.nameVi}`,
        nameEn: `Compensatory day off for ${holiday.nameEn}`,
        rule: ruleSet.compensation.rule,
        source: ruleSet.legalBasis,
        compensates: formatEpochDay(day),
      },
    });
  }
  dated.sort((a, b) => a.day - b.day);
  const holidays = dated.map(({ day, holiday }) => ({ date: formatEpochDay(day), ...holiday }));
  const offDays = new Map<number, Holiday>();
  dated.forEach(({ day }, i) => {
    if (!offDays.has(day)) offDays.set(day, holidays[i]);
  });
  makeUpWorkingDays.sort((a, b) => a.date.localeCompare(b.date));
  return { year, ruleSetId: ruleSet.id, holidays, makeUpWorkingDays, offDays, workDays };
}
