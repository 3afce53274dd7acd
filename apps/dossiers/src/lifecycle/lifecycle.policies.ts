import { addCalendarDays, isWorkingDay, workingDaysBetween } from '@motcua/calendar';

/**
 * Rules that change by decree live here as versioned data with their legal basis. A dossier is
 * judged under the policy in force on the local date of its RECEIPT (ngày tiếp nhận), whatever
 * the date of the action: a dossier received on 30/6/2025 keeps Decree 61/2018 to its end.
 * docs/legal-rules.md lists every policy with its basis and confidence.
 */

/** How sure the project is of a rule: legal text, a deployed system's copy, or nothing either way. */
export type Confidence = 'confirmed' | 'copy' | 'unverified';

export type VersionedPolicy = {
  id: string;
  legalBasis: string;
  confidence: Confidence;
  /** First local date of receipt the policy governs. */
  effectiveFrom: string;
  /** Last local date of receipt it governs; open-ended when absent. */
  effectiveTo?: string;
};

export type SupplementPolicy = VersionedPolicy & {
  /** A supplement may be requested during processing within this many working days of receipt. */
  requestWithinWorkingDays: number;
  /**
   * What happens to the time limit once EVERY requested item has arrived (a partial supplement
   * never moves it): `restart` from zero at the arrival of the last item.
   */
  clockOnCompletion: 'restart';
};

export type ExtensionPolicy = VersionedPolicy & {
  maxExtensions: number;
  /** The apology letter must be issued at least this many calendar days before the due date in force. */
  noticeDaysBeforeDue: number;
};

/** The one-stop regime a dossier is under: forms, their numbering, stop at the applicant's request. */
export type RegimePolicy = VersionedPolicy & {
  regime: 'nd61-2018' | 'nd118-2025';
  /** Dừng giải quyết theo đề nghị của người nộp hồ sơ, with its notice (form 05). */
  stopAtApplicantRequest: boolean;
};

export const SUPPLEMENT_POLICIES: readonly SupplementPolicy[] = [
  {
    id: 'nd61-2018-art19-4',
    legalBasis:
      'Decree 61/2018/NĐ-CP Art. 19(4): supplement requested within 3 working days; the time limit restarts once the complete dossier arrives',
    confidence: 'copy',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    requestWithinWorkingDays: 3,
    clockOnCompletion: 'restart',
  },
  {
    id: 'nd118-2025-supplement',
    legalBasis:
      'Decree 118/2025/NĐ-CP: no text known on supplements during processing; the Decree 61 practice (3 working days, restart once complete) is kept until a province confirms it',
    confidence: 'unverified',
    effectiveFrom: '2025-07-01',
    requestWithinWorkingDays: 3,
    clockOnCompletion: 'restart',
  },
];

export const EXTENSION_POLICIES: readonly ExtensionPolicy[] = [
  {
    id: 'nd61-2018-late',
    legalBasis:
      'Decree 61/2018/NĐ-CP: apology letter and new date (form 04) at least 1 day before the due date; the date may be moved at most once',
    confidence: 'copy',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    maxExtensions: 1,
    noticeDaysBeforeDue: 1,
  },
  {
    id: 'nd118-2025-tt03-form04',
    legalBasis:
      'Decree 118/2025/NĐ-CP, Circular 03/2025/TT-VPCP form 04 (apology and request for extension) at least 1 day before the due date (as applied by Đồng Tháp QĐ 138/2025/QĐ-UBND); "at most once" unverified',
    confidence: 'copy',
    effectiveFrom: '2025-07-01',
    maxExtensions: 1,
    noticeDaysBeforeDue: 1,
  },
];

export const REGIME_POLICIES: readonly RegimePolicy[] = [
  {
    id: 'nd61-2018-tt01-2018',
    legalBasis:
      'Decree 61/2018/NĐ-CP (amended by Decree 107/2021/NĐ-CP), Circular 01/2018/TT-VPCP forms 01-06',
    confidence: 'copy',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    regime: 'nd61-2018',
    stopAtApplicantRequest: false,
  },
  {
    id: 'nd118-2025-tt03-2025',
    legalBasis:
      'Decree 118/2025/NĐ-CP Art. 21(1)-(2); Circular 03/2025/TT-VPCP Art. 7 and Phụ lục I forms 01-07 (entry into force of the Circular unverified: applied from 1/7/2025)',
    confidence: 'copy',
    effectiveFrom: '2025-07-01',
    regime: 'nd118-2025',
    stopAtApplicantRequest: true,
  },
];

/** The policy governing a dossier received on `receivedOn` (local date). */
export function policyOn<P extends Pick<VersionedPolicy, 'id' | 'effectiveFrom' | 'effectiveTo'>>(
  policies: readonly P[],
  receivedOn: string,
): P {
  const inForce = policies.filter(
    (p) =>
      p.effectiveFrom <= receivedOn && (p.effectiveTo === undefined || receivedOn <= p.effectiveTo),
  );
  if (inForce.length !== 1)
    throw new Error(
      `${inForce.length} policies in force on ${receivedOn}: ${inForce.map((p) => p.id).join(', ') || 'none'}`,
    );
  return inForce[0];
}

export type RuleViolation = { field: string; rule: string; message: string };

/** The part of the extension rules that does not depend on the new date: may an apology be issued today? */
export function extensionTimingViolations(input: {
  policy: ExtensionPolicy;
  today: string;
  currentDueDate: string;
  extensionCount: number;
}): RuleViolation[] {
  const { policy, today, currentDueDate, extensionCount } = input;
  const violations: RuleViolation[] = [];
  if (extensionCount >= policy.maxExtensions) {
    violations.push({
      field: 'newDueDate',
      rule: 'at-most-once',
      message: `the due date may be moved at most ${policy.maxExtensions} time(s) (${policy.id})`,
    });
  }
  const latest = addCalendarDays(currentDueDate, -policy.noticeDaysBeforeDue);
  if (today > latest) {
    violations.push({
      field: 'newDueDate',
      rule: 'notice-before-due',
      message: `the apology letter must be issued by ${latest}, ${policy.noticeDaysBeforeDue} day(s) before the due date ${currentDueDate} (${policy.id})`,
    });
  }
  return violations;
}

/** The new date itself: later than the date in force, on a working day. */
export function newDueDateViolations(input: {
  currentDueDate: string;
  newDueDate: string;
}): RuleViolation[] {
  if (input.newDueDate <= input.currentDueDate) {
    return [
      {
        field: 'newDueDate',
        rule: 'after-current-due-date',
        message: `the new date must be after the current due date ${input.currentDueDate}`,
      },
    ];
  }
  if (!isWorkingDay(input.newDueDate))
    return [
      {
        field: 'newDueDate',
        rule: 'working-day',
        message: `${input.newDueDate} is not a working day`,
      },
    ];
  return [];
}

/** Xin gia hạn: at most `maxExtensions`, no later than `noticeDaysBeforeDue` before the due date, to a later working day. */
export function extensionViolations(input: {
  policy: ExtensionPolicy;
  today: string;
  currentDueDate: string;
  newDueDate: string;
  extensionCount: number;
}): RuleViolation[] {
  return [...extensionTimingViolations(input), ...newDueDateViolations(input)];
}

/** Yêu cầu bổ sung during processing: only within the policy's working days of receipt. */
export function supplementRequestViolations(input: {
  policy: SupplementPolicy;
  receivedOn: string;
  today: string;
}): RuleViolation[] {
  const elapsed = workingDaysBetween(input.receivedOn, input.today);
  if (elapsed <= input.policy.requestWithinWorkingDays) return [];
  return [
    {
      field: 'missing',
      rule: 'supplement-request-window',
      message: `a supplement may be requested within ${input.policy.requestWithinWorkingDays} working days of receipt; ${elapsed} have passed (${input.policy.id})`,
    },
  ];
}
