import { CalendarError } from './calendar.error';
import { type HolidayRuleSet } from './holiday.types';
import { type IsoDate, parseIsoDate, partsFromEpochDay } from './iso-date.util';
import { type ReceiptPolicy } from './receipt-policy.types';
import { validateReceiptPolicy } from './receipt.rules';

function sortedByEffectiveDate<T extends { id: string; effectiveFrom: IsoDate }>(
  items: readonly T[],
  kind: 'holiday rule set' | 'receipt policy',
): T[] {
  const rule = kind === 'holiday rule set' ? 'holiday-rule-set' : 'receipt-policy';
  if (items.length === 0) throw new CalendarError(rule, `at least one ${kind} is required`);
  items.forEach((item) => parseIsoDate(item.effectiveFrom, `${kind} ${item.id} effectiveFrom`));
  return [...items].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** Rule sets sorted by effective date; each must take effect on 1 January (a whole year). */
export function checkedRuleSets(ruleSets: readonly HolidayRuleSet[]): HolidayRuleSet[] {
  const sorted = sortedByEffectiveDate(ruleSets, 'holiday rule set');
  for (const set of sorted) {
    const { month, day } = partsFromEpochDay(parseIsoDate(set.effectiveFrom));
    if (month !== 1 || day !== 1) {
      throw new CalendarError(
        'holiday-rule-set',
        `holiday rule set ${set.id} must take effect on 1 January (a whole year)`,
      );
    }
    if (set.tet.defaultOffsets.length !== set.tet.dayCount) {
      throw new CalendarError(
        'holiday-rule-set',
        `holiday rule set ${set.id}: tet.defaultOffsets must list tet.dayCount (${set.tet.dayCount}) days`,
      );
    }
  }
  return sorted;
}

/** Receipt policies sorted by effective date, each validated. */
export function checkedReceiptPolicies(policies: readonly ReceiptPolicy[]): ReceiptPolicy[] {
  const sorted = sortedByEffectiveDate(policies, 'receipt policy');
  sorted.forEach((policy, i) => {
    validateReceiptPolicy(policy);
    if (policy.effectiveTo !== undefined)
      parseIsoDate(policy.effectiveTo, `receipt policy ${policy.id} effectiveTo`);
    const next = sorted[i + 1];
    if (next && policy.effectiveTo !== undefined && policy.effectiveTo >= next.effectiveFrom) {
      throw new CalendarError(
        'receipt-policy',
        `receipt policy ${policy.id} (to ${policy.effectiveTo}) overlaps ${next.id} (from ${next.effectiveFrom})`,
      );
    }
  });
  return sorted;
}
