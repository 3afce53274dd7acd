import {
  dueDatesAtReceipt,
  dueSoonHorizon,
  forwardByAfter,
  limitEnd,
  publishByAfter,
} from './feedback-deadlines';
import {
  FEEDBACK_TIME_LIMIT_POLICIES,
  QD31_2021_POLICY,
  QD29_2026_POLICY,
  policyFor,
} from './time-limit-policy.constant';
import type { FeedbackTimeLimitPolicy } from './time-limit-policy.types';

const at = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => at(`${date}T17:00:00`).toISOString();

describe('feedback due dates (working days, Tết 2026: 14-22 Feb off)', () => {
  it('received on Thursday 12 Feb 2026 before Tết: every limit jumps the holiday week', () => {
    const due = dueDatesAtReceipt(at('2026-02-12T10:00:00'));
    expect(due.classifyBy.toISOString()).toBe(endOf('2026-02-23')); // 13 Feb, then 23 Feb
    expect(due.firstInfoRequestBy.toISOString()).toBe(endOf('2026-02-26'));
    expect(due.forwardBy.toISOString()).toBe(endOf('2026-02-26'));
    expect(due.answerBy.toISOString()).toBe(endOf('2026-03-12'));
    expect(due.policyId).toBe('nd20-2008-qd766-2022');
    expect(due.calendarVersion).toMatch(/^\S+$/);
  });

  it('received after office hours on Friday 13 Feb counts from Monday 23 Feb', () => {
    const due = dueDatesAtReceipt(at('2026-02-13T18:30:00'));
    expect(due.classifyBy.toISOString()).toBe(endOf('2026-02-25'));
    expect(due.answerBy.toISOString()).toBe(endOf('2026-03-16'));
  });

  it('received during Tết (18 Feb) counts from the first working day after it', () => {
    expect(limitEnd(at('2026-02-18T09:00:00'), 2).toISOString()).toBe(endOf('2026-02-25'));
  });

  it('an ordinary week: received Monday 30 Nov 2026, classify by Wednesday, answer by 21 Dec', () => {
    const due = dueDatesAtReceipt(at('2026-11-30T09:00:00'));
    expect(due.classifyBy.toISOString()).toBe(endOf('2026-12-02'));
    expect(due.answerBy.toISOString()).toBe(endOf('2026-12-21'));
  });

  it('publication is due 2 working days after approval, forwarding 5 after receipt', () => {
    expect(publishByAfter(at('2026-02-12T15:00:00'), QD31_2021_POLICY.id).toISOString()).toBe(
      endOf('2026-02-23'),
    );
    expect(forwardByAfter(at('2026-02-12T15:00:00'), QD31_2021_POLICY.id).toISOString()).toBe(
      endOf('2026-02-26'),
    );
  });

  it('the due-soon horizon is the end of the next working day (Friday 13 Feb → Monday 23 Feb)', () => {
    expect(dueSoonHorizon(at('2026-02-13T09:00:00'), QD31_2021_POLICY).toISOString()).toBe(
      endOf('2026-02-23'),
    );
  });

  it('limits are policy data: the policy in force on the day of receipt applies', () => {
    const later: FeedbackTimeLimitPolicy = {
      ...QD31_2021_POLICY,
      id: 'test-2027',
      effectiveFrom: '2027-01-01',
      effectiveTo: undefined,
      limits: {
        ...QD31_2021_POLICY.limits,
        answer: { workingDays: 10, from: 'received', basis: 'test' },
      },
    };
    const policies = [
      ...FEEDBACK_TIME_LIMIT_POLICIES.map((p) => ({
        ...p,
        effectiveTo: p.effectiveTo ?? '2026-12-31',
      })),
      later,
    ];
    expect(policyFor('2026-12-31', policies).id).toBe('qd29-2026-nd20-2008');
    expect(policyFor('2027-01-04', policies).id).toBe('test-2027');
    expect(dueDatesAtReceipt(at('2027-01-04T09:00:00'), later).answerBy.toISOString()).toBe(
      endOf('2027-01-18'),
    );
    for (const policy of FEEDBACK_TIME_LIMIT_POLICIES)
      expect(policy.legalBasis).toMatch(/Decree 20\/2008/);
  });
});

describe('feedback limits name their real basis (portal operating rules; Decree 20/2008 Art. 9(1)(d))', () => {
  it('splits at 20/7/2026: QĐ 31/2021/QĐ-TTg to 19/7, QĐ 29/2026/QĐ-TTg from 20/7, same values', () => {
    expect(policyFor('2026-07-19').id).toBe('nd20-2008-qd766-2022');
    expect(policyFor('2026-07-20').id).toBe('qd29-2026-nd20-2008');
    expect(dueDatesAtReceipt(at('2026-07-19T23:59:59')).policyId).toBe('nd20-2008-qd766-2022');
    expect(dueDatesAtReceipt(at('2026-07-20T00:00:00')).policyId).toBe('qd29-2026-nd20-2008');
    expect(QD31_2021_POLICY.legalBasis).toMatch(/QĐ 31\/2021\/QĐ-TTg/);
    expect(QD29_2026_POLICY.legalBasis).toMatch(/QĐ 29\/2026\/QĐ-TTg/);
    const days = (p: typeof QD31_2021_POLICY) =>
      Object.values(p.limits).map((l) => `${l.workingDays} ${l.from}`);
    expect(days(QD29_2026_POLICY)).toEqual(days(QD31_2021_POLICY));
    expect(days(QD29_2026_POLICY)).toEqual([
      '2 latest-forwarding',
      '5 latest-forwarding',
      '5 received',
      '15 latest-forwarding',
      '2 approved',
    ]);
    for (const policy of FEEDBACK_TIME_LIMIT_POLICIES) {
      expect(policy.legalBasis).not.toMatch(/766/);
      expect(
        Object.values(policy.limits)
          .map((l) => l.basis)
          .join(' '),
      ).not.toMatch(/766/);
      expect(policy.limits.forward.basis).toMatch(
        /Decree 20\/2008\/NĐ-CP Art\. 9\(1\)\(d\).*05 ngày làm việc, kể từ ngày tiếp nhận/,
      );
    }
  });

  it('counts refuse, information and processing from the latest forwarding date; forwarding from receipt', () => {
    // Forwarded here on Wed 25/11/2026 10:00 (latest forwarding), received Mon 30/11 09:00; 24/11 is a day off.
    const due = dueDatesAtReceipt(at('2026-11-30T09:00:00'), undefined, at('2026-11-25T10:00:00'));
    expect(due.classifyBy.toISOString()).toBe(endOf('2026-11-27'));
    expect(due.firstInfoRequestBy.toISOString()).toBe(endOf('2026-12-02'));
    expect(due.answerBy.toISOString()).toBe(endOf('2026-12-16'));
    expect(due.forwardBy.toISOString()).toBe(endOf('2026-12-07'));
    const direct = dueDatesAtReceipt(at('2026-11-30T09:00:00'));
    expect(direct.classifyBy.toISOString()).toBe(endOf('2026-12-02'));
  });

  it('a forwarding after office hours counts as made the next working day (Mon 23/11 17:30 → Wed 25/11, 24/11 off; day 2 = Fri 27/11)', () => {
    const due = dueDatesAtReceipt(at('2026-11-30T09:00:00'), undefined, at('2026-11-23T17:30:00'));
    expect(due.classifyBy.toISOString()).toBe(endOf('2026-11-27'));
  });
});
