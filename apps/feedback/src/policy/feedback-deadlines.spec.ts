import { dueDatesAtReceipt, dueSoonHorizon, forwardByAfter, limitEnd, publishByAfter } from './feedback-deadlines';
import { FEEDBACK_TIME_LIMIT_POLICIES, ND20_2008_766_POLICY, policyFor } from './time-limit-policy.constant';
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
    expect(publishByAfter(at('2026-02-12T15:00:00'), ND20_2008_766_POLICY.id).toISOString()).toBe(endOf('2026-02-23'));
    expect(forwardByAfter(at('2026-02-12T15:00:00'), ND20_2008_766_POLICY.id).toISOString()).toBe(endOf('2026-02-26'));
  });

  it('the due-soon horizon is the end of the next working day (Friday 13 Feb → Monday 23 Feb)', () => {
    expect(dueSoonHorizon(at('2026-02-13T09:00:00'), ND20_2008_766_POLICY).toISOString()).toBe(endOf('2026-02-23'));
  });

  it('limits are policy data: the policy in force on the day of receipt applies', () => {
    const later: FeedbackTimeLimitPolicy = {
      ...ND20_2008_766_POLICY,
      id: 'test-2027',
      effectiveFrom: '2027-01-01',
      limits: { ...ND20_2008_766_POLICY.limits, answer: { workingDays: 10, from: 'received', basis: 'test' } },
    };
    const policies = [...FEEDBACK_TIME_LIMIT_POLICIES, later];
    expect(policyFor('2026-12-31', policies).id).toBe('nd20-2008-qd766-2022');
    expect(policyFor('2027-01-04', policies).id).toBe('test-2027');
    expect(dueDatesAtReceipt(at('2027-01-04T09:00:00'), later).answerBy.toISOString()).toBe(endOf('2027-01-18'));
    for (const policy of FEEDBACK_TIME_LIMIT_POLICIES) expect(policy.legalBasis).toMatch(/Decree 20\/2008/);
  });
});
