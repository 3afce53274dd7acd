import { addCalendarDays, isWorkingDay, workingDaysBetween } from '@motcua/calendar';

/**
 * Rules that change by decree live here as versioned data with their legal basis; the policy in
 * force on the local date of the action applies (DOMAIN.md: never a hard-coded `if`).
 */
export type SupplementPolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  /** A supplement may be requested during processing within this many working days of receipt. */
  requestWithinWorkingDays: number;
  /** What happens to the time limit when the complete dossier arrives. */
  clockOnCompletion: 'restart';
};

export type ExtensionPolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  maxExtensions: number;
  /** The apology letter must be issued at least this many calendar days before the due date. */
  noticeDaysBeforeDue: number;
};

export const SUPPLEMENT_POLICIES: readonly SupplementPolicy[] = [
  {
    id: 'nd61-2018-art19-4',
    legalBasis: 'Decree 61/2018/NĐ-CP Art. 19(4): supplement requested within 3 working days; the time limit restarts once the complete dossier arrives',
    effectiveFrom: '2018-06-21',
    requestWithinWorkingDays: 3,
    clockOnCompletion: 'restart',
  },
];

export const EXTENSION_POLICIES: readonly ExtensionPolicy[] = [
  {
    id: 'nd61-2018-late',
    legalBasis: 'Decree 61/2018/NĐ-CP: apology letter and new date (form 04) at least 1 day before the due date; the date may be moved at most once',
    effectiveFrom: '2018-06-21',
    maxExtensions: 1,
    noticeDaysBeforeDue: 1,
  },
];

export function policyOn<P extends { effectiveFrom: string }>(policies: readonly P[], localDate: string): P {
  const inForce = policies.filter((p) => p.effectiveFrom <= localDate);
  if (inForce.length === 0) throw new Error(`no policy in force on ${localDate}`);
  return inForce[inForce.length - 1];
}

export type RuleViolation = { field: string; rule: string; message: string };

/** Xin gia hạn: at most `maxExtensions`, no later than `noticeDaysBeforeDue` before the due date, to a later working day. */
export function extensionViolations(input: {
  policy: ExtensionPolicy; today: string; currentDueDate: string; newDueDate: string; extensionCount: number;
}): RuleViolation[] {
  const { policy, today, currentDueDate, newDueDate, extensionCount } = input;
  const violations: RuleViolation[] = [];
  if (extensionCount >= policy.maxExtensions) {
    violations.push({ field: 'newDueDate', rule: 'at-most-once', message: `the due date may be moved at most ${policy.maxExtensions} time(s) (${policy.id})` });
  }
  const latest = addCalendarDays(currentDueDate, -policy.noticeDaysBeforeDue);
  if (today > latest) {
    violations.push({ field: 'newDueDate', rule: 'notice-before-due', message: `the apology letter must be issued by ${latest}, ${policy.noticeDaysBeforeDue} day(s) before the due date ${currentDueDate} (${policy.id})` });
  }
  if (newDueDate <= currentDueDate) {
    violations.push({ field: 'newDueDate', rule: 'after-current-due-date', message: `the new date must be after the current due date ${currentDueDate}` });
  } else if (!isWorkingDay(newDueDate)) {
    violations.push({ field: 'newDueDate', rule: 'working-day', message: `${newDueDate} is not a working day` });
  }
  return violations;
}

/** Yêu cầu bổ sung during processing: only within the policy's working days of receipt. */
export function supplementRequestViolations(input: { policy: SupplementPolicy; receivedOn: string; today: string }): RuleViolation[] {
  const elapsed = workingDaysBetween(input.receivedOn, input.today);
  if (elapsed <= input.policy.requestWithinWorkingDays) return [];
  return [{ field: 'missing', rule: 'supplement-request-window', message: `a supplement may be requested within ${input.policy.requestWithinWorkingDays} working days of receipt; ${elapsed} have passed (${input.policy.id})` }];
}
