import type { FeedbackTimeLimitPolicy } from './time-limit-policy.types';

/**
 * Decree 20/2008/NĐ-CP on receiving and handling feedback on administrative regulations, as
 * amended by Decree 92/2017/NĐ-CP, with the limits used by the national scoring (Decision
 * 766/QĐ-TTg, 2022): refuse (classify) ≤ 2, first request for information ≤ 5, processed
 * (answered) ≤ 15 working days; answer published ≤ 2 working days after approval; items outside
 * the agency's authority forwarded within 5 working days of receipt.
 *
 * When a later decree changes a limit, add a policy with its effective date: items received
 * before it keep the limits they were received under.
 */
export const ND20_2008_766_POLICY: FeedbackTimeLimitPolicy = {
  id: 'nd20-2008-qd766-2022',
  legalBasis:
    'Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP; Decision 766/QĐ-TTg (2022) scoring of feedback handled on time',
  effectiveFrom: '2022-06-23',
  limits: {
    classify: { workingDays: 2, from: 'received', basis: 'Decision 766/QĐ-TTg: refusal within 2 working days' },
    info_request: { workingDays: 5, from: 'received', basis: 'Decision 766/QĐ-TTg: first request for information within 5 working days' },
    forward: { workingDays: 5, from: 'received', basis: 'Decree 20/2008 as amended: outside-authority feedback forwarded within 5 working days' },
    answer: { workingDays: 15, from: 'received', basis: 'Decision 766/QĐ-TTg: processed within 15 working days' },
    publish: { workingDays: 2, from: 'approved', basis: 'Decision 766/QĐ-TTg: answer published within 2 working days' },
  },
  dueSoonWorkingDays: 1,
};

/** Every policy, oldest first; the latest whose effectiveFrom ≤ the local date of receipt applies. */
export const FEEDBACK_TIME_LIMIT_POLICIES: readonly FeedbackTimeLimitPolicy[] = [ND20_2008_766_POLICY];

export function policyFor(localDate: string, policies = FEEDBACK_TIME_LIMIT_POLICIES): FeedbackTimeLimitPolicy {
  const applicable = policies.filter((p) => p.effectiveFrom <= localDate);
  const policy = applicable[applicable.length - 1] ?? policies[0];
  if (!policy) throw new Error('no feedback time-limit policy');
  return policy;
}

export function policyById(id: string, policies = FEEDBACK_TIME_LIMIT_POLICIES): FeedbackTimeLimitPolicy {
  const policy = policies.find((p) => p.id === id);
  if (!policy) throw new Error(`unknown feedback time-limit policy ${id}`);
  return policy;
}
