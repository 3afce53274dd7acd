import type { FeedbackStage, FeedbackTimeLimitPolicy, StageLimit } from './time-limit-policy.types';

/**
 * Time limits of feedback (phản ánh, kiến nghị, PAKN) handling, by the local date of receipt.
 *
 * - refuse (classify) ≤ 2, first request for information ≤ 5, processed (answered) ≤ 15 working
 *   days, counted from the sending date or, for an item forwarded here, the latest forwarding
 *   date; published ≤ 2 working days after entering "chờ công khai": the national portal's
 *   operating rules (Quy chế quản lý, vận hành, khai thác Cổng Dịch vụ công quốc gia), QĐ
 *   31/2021/QĐ-TTg to 19/7/2026, QĐ 29/2026/QĐ-TTg (issued 4/6/2026) from 20/7/2026, as the
 *   national formula applies them (copy; whether QĐ 29/2026 changed them is unverified). Decision
 *   766/QĐ-TTg only scores them.
 * - items outside the agency's authority forwarded within 5 working days "kể từ ngày tiếp nhận":
 *   Decree 20/2008/NĐ-CP Art. 9(1)(d), as amended by Decree 92/2017/NĐ-CP (confirmed).
 *
 * Ids are stored with each item: `nd20-2008-qd766-2022` is the historical id of the first policy
 * (kept so that stored items resolve), whatever its label.
 */
function limits(rules: string): Record<FeedbackStage, StageLimit> {
  return {
    classify: {
      workingDays: 2,
      from: 'latest-forwarding',
      basis: `${rules}: refusal within 2 working days of the sending date, or of the latest forwarding date`,
    },
    info_request: {
      workingDays: 5,
      from: 'latest-forwarding',
      basis: `${rules}: first request for more information within 5 working days of the sending date, or of the latest forwarding date`,
    },
    forward: {
      workingDays: 5,
      from: 'received',
      basis:
        'Decree 20/2008/NĐ-CP Art. 9(1)(d) (amended by Decree 92/2017/NĐ-CP): an item outside the authority is forwarded "trong thời hạn không quá 05 ngày làm việc, kể từ ngày tiếp nhận"',
    },
    answer: {
      workingDays: 15,
      from: 'latest-forwarding',
      basis: `${rules}: processed within 15 working days of the sending date, or of the latest forwarding date`,
    },
    publish: {
      workingDays: 2,
      from: 'approved',
      basis: `${rules}: published within 2 working days of entering "chờ công khai"`,
    },
  };
}

const QD31_2021 =
  'Quy chế quản lý, vận hành, khai thác Cổng Dịch vụ công quốc gia (QĐ 31/2021/QĐ-TTg)';
const QD29_2026 =
  'Quy chế quản lý, vận hành, khai thác Cổng Dịch vụ công quốc gia (QĐ 29/2026/QĐ-TTg, from 2026-07-20)';

export const QD31_2021_POLICY: FeedbackTimeLimitPolicy = {
  id: 'nd20-2008-qd766-2022',
  legalBasis: `${QD31_2021}, as applied by the national formula; Decree 20/2008/NĐ-CP Art. 9(1)(d) (amended by Decree 92/2017/NĐ-CP) for forwarding`,
  effectiveFrom: '2022-06-23',
  effectiveTo: '2026-07-19',
  limits: limits(QD31_2021),
  dueSoonWorkingDays: 1,
};

export const QD29_2026_POLICY: FeedbackTimeLimitPolicy = {
  id: 'qd29-2026-nd20-2008',
  legalBasis: `${QD29_2026}, as applied by the national formula (same limits as QĐ 31/2021; unverified whether QĐ 29/2026 changed them); Decree 20/2008/NĐ-CP Art. 9(1)(d) (amended by Decree 92/2017/NĐ-CP) for forwarding`,
  effectiveFrom: '2026-07-20',
  limits: limits(QD29_2026),
  dueSoonWorkingDays: 1,
};

/** Every policy, oldest first; the one whose period holds the local date of receipt applies. */
export const FEEDBACK_TIME_LIMIT_POLICIES: readonly FeedbackTimeLimitPolicy[] = [
  QD31_2021_POLICY,
  QD29_2026_POLICY,
];

export function policyFor(
  localDate: string,
  policies = FEEDBACK_TIME_LIMIT_POLICIES,
): FeedbackTimeLimitPolicy {
  const applicable = policies.filter(
    (p) => p.effectiveFrom <= localDate && (!p.effectiveTo || localDate <= p.effectiveTo),
  );
  const policy = applicable[applicable.length - 1] ?? policies[0];
  if (!policy) throw new Error('no feedback time-limit policy');
  return policy;
}

export function policyById(
  id: string,
  policies = FEEDBACK_TIME_LIMIT_POLICIES,
): FeedbackTimeLimitPolicy {
  const policy = policies.find((p) => p.id === id);
  if (!policy) throw new Error(`unknown feedback time-limit policy ${id}`);
  return policy;
}
