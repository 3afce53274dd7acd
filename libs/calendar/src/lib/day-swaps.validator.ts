import { CalendarError } from './calendar.error';
import { type LegalSource, type SwapTable, type YearDecision } from './day-swaps.types';
import { type HolidayRuleSet } from './holiday.types';
import {
  epochDayFromParts,
  parseIsoDate,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './iso-date.util';

function fail(detail: string): never {
  throw new CalendarError('swap-table', detail);
}

/** Parses a table date and checks it lies in the entry's year. */
export function tableDate(value: string, decision: YearDecision, field: string): number {
  const label = `swap table ${decision.year} ${field}`;
  const day = parseIsoDate(value, label);
  if (yearOfEpochDay(day) !== decision.year) fail(`${label} ${value} is not in ${decision.year}`);
  return day;
}

function checkSource(source: LegalSource | undefined, where: string): void {
  if (!source || !source.document?.trim() || !source.issuedBy?.trim()) {
    fail(`${where} must name its legal source (document and issuer)`);
  }
  if (source.issuedOn !== undefined) parseIsoDate(source.issuedOn, `${where} source issuedOn`);
  if (
    source.confidence !== undefined &&
    !['confirmed', 'copy', 'unverified'].includes(source.confidence)
  ) {
    fail(`${where} source confidence must be confirmed, copy or unverified`);
  }
}

/** Table-wide checks: one entry per year, each year inside the supported range. */
export function validateSwapTable(table: SwapTable, minYear: number, maxYear: number): void {
  if (!table.id?.trim()) fail('swap table must have an id');
  const seen = new Set<number>();
  for (const decision of table.years) {
    const { year } = decision;
    if (!Number.isInteger(year) || year < minYear || year > maxYear) {
      fail(`swap table year ${year} is outside the supported years ${minYear}-${maxYear}`);
    }
    if (seen.has(year)) fail(`swap table lists year ${year} twice`);
    seen.add(year);
  }
}

/**
 * Checks one year's decision against the rule set: dates exist and lie in the year, a swap
 * moves a weekday to a weekly rest day, the Tết days are as many as the code gives and
 * surround lunar 1/1, and the National Day adjacent day is 1 or 3 September.
 */
export function validateYearDecision(
  decision: YearDecision,
  ruleSet: HolidayRuleSet,
  lunarNewYearDay: number,
): void {
  const isRest = (day: number) => ruleSet.weeklyRestDays.includes(weekdayOfEpochDay(day));
  const where = (field: string) => `swap table ${decision.year} ${field}`;
  if (decision.tetDays) {
    checkSource(decision.tetDays.source, where('tetDays'));
    const days = decision.tetDays.dates.map((d, i) => tableDate(d, decision, `tetDays[${i}]`));
    if (new Set(days).size !== ruleSet.tet.dayCount || days.length !== ruleSet.tet.dayCount) {
      fail(`${where('tetDays')} must list ${ruleSet.tet.dayCount} distinct dates (${ruleSet.id})`);
    }
    if (!days.includes(lunarNewYearDay)) fail(`${where('tetDays')} must include lunar 1/1`);
    if (days.some((d) => Math.abs(d - lunarNewYearDay) > 7)) {
      fail(`${where('tetDays')} must lie within 7 days of lunar 1/1`);
    }
  }
  if (decision.nationalDayAdjacent) {
    checkSource(decision.nationalDayAdjacent.source, where('nationalDayAdjacent'));
    const day = tableDate(decision.nationalDayAdjacent.date, decision, 'nationalDayAdjacent');
    const { month, day: holiday } = ruleSet.nationalDayAdjacent;
    const anchor = epochDayFromParts(decision.year, month, holiday);
    if (Math.abs(day - anchor) !== 1) {
      fail(`${where('nationalDayAdjacent')} must be the day before or after ${holiday}/${month}`);
    }
  }
  (decision.swaps ?? []).forEach((swap, i) => {
    checkSource(swap.source, where(`swaps[${i}]`));
    const off = tableDate(swap.dayOff, decision, `swaps[${i}].dayOff`);
    const makeUp = tableDate(swap.makeUpDay, decision, `swaps[${i}].makeUpDay`);
    if (isRest(off))
      fail(`${where(`swaps[${i}].dayOff`)} ${swap.dayOff} is already a weekly rest day`);
    if (!isRest(makeUp)) {
      fail(
        `${where(`swaps[${i}].makeUpDay`)} ${swap.makeUpDay} must be a weekly rest day (Saturday)`,
      );
    }
  });
  (decision.extraDaysOff ?? []).forEach((extra, i) => {
    checkSource(extra.source, where(`extraDaysOff[${i}]`));
    tableDate(extra.date, decision, `extraDaysOff[${i}]`);
  });
}
