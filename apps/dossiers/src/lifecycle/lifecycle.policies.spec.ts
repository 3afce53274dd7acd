import {
  EXTENSION_POLICIES,
  REGIME_POLICIES,
  SUPPLEMENT_POLICIES,
  extensionViolations,
  policyOn,
  supplementRequestViolations,
  type VersionedPolicy,
} from './lifecycle.policies';

const ALL: readonly (readonly VersionedPolicy[])[] = [
  SUPPLEMENT_POLICIES,
  EXTENSION_POLICIES,
  REGIME_POLICIES,
];

const policy = policyOn(EXTENSION_POLICIES, '2026-11-30');
const rules = (input: Partial<Parameters<typeof extensionViolations>[0]>) =>
  extensionViolations({
    policy,
    today: '2026-12-01',
    currentDueDate: '2026-12-04',
    newDueDate: '2026-12-10',
    extensionCount: 0,
    ...input,
  }).map((v) => v.rule);

describe('policies are chosen by the date of receipt: Decree 61/2018 to 30/6/2025, Decree 118/2025 + Circular 03/2025 from 1/7/2025', () => {
  it.each([
    ['supplement', 0, 'nd61-2018-art19-4', 'nd118-2025-supplement'],
    ['extension', 1, 'nd61-2018-late', 'nd118-2025-tt03-form04'],
    ['regime', 2, 'nd61-2018-tt01-2018', 'nd118-2025-tt03-2025'],
  ] as const)('%s (set %d): 30/6/2025 → %s, 1/7/2025 → %s', (_, index, before, after) => {
    const policies = ALL[index];
    expect(policyOn(policies, '2025-06-30').id).toBe(before);
    expect(policyOn(policies, '2025-07-01').id).toBe(after);
  });

  it('names a basis and a confidence for every policy, and leaves no gap or overlap from 21/6/2018', () => {
    for (const policies of ALL) {
      for (const p of policies) expect(p.legalBasis.length).toBeGreaterThan(20);
      for (const day of ['2018-06-21', '2025-06-30', '2025-07-01', '2026-12-03'])
        expect(() => policyOn(policies, day)).not.toThrow();
      expect(() => policyOn(policies, '2018-06-20')).toThrow(/none/);
    }
  });

  it('marks the Decree 118 supplement rule unverified (no text known) and keeps its values configurable', () => {
    const supplement = policyOn(SUPPLEMENT_POLICIES, '2025-07-01');
    expect(supplement).toMatchObject({
      confidence: 'unverified',
      requestWithinWorkingDays: 3,
      clockOnCompletion: 'restart',
    });
    expect(policyOn(SUPPLEMENT_POLICIES, '2025-06-30').legalBasis).toContain('Art. 19(4)');
  });

  it('allows the stop at the applicant’s request (form 05) only under Decree 118 Art. 21 / Circular 03 Art. 7', () => {
    expect(policyOn(REGIME_POLICIES, '2025-06-30').stopAtApplicantRequest).toBe(false);
    expect(policyOn(REGIME_POLICIES, '2025-07-01')).toMatchObject({
      stopAtApplicantRequest: true,
      legalBasis: expect.stringContaining('Art. 21'),
    });
  });
});

describe('extension (form 04: apology at least 1 day before the due date; Đồng Tháp QĐ 138/2025 copy)', () => {
  it('is allowed once, at least one day before the due date, to a later working day', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ today: '2026-12-03' })).toEqual([]);
  });
  it('is too late on the due date itself', () => {
    expect(rules({ today: '2026-12-04' })).toEqual(['notice-before-due']);
  });
  it('may not happen twice', () => {
    expect(rules({ extensionCount: 1 })).toEqual(['at-most-once']);
  });
  it('must move the date later, to a working day', () => {
    expect(rules({ newDueDate: '2026-12-04' })).toEqual(['after-current-due-date']);
    expect(rules({ newDueDate: '2026-12-12' })).toEqual(['working-day']);
  });
});

describe('supplement request during processing (3 working days of receipt; Decree 61/2018 Art. 19(4), kept unverified under Decree 118)', () => {
  const supplement = policyOn(SUPPLEMENT_POLICIES, '2026-11-30');
  it('restarts the clock', () => {
    expect(supplement.clockOnCompletion).toBe('restart');
  });
  it('is allowed within 3 working days of receipt, not after', () => {
    expect(
      supplementRequestViolations({
        policy: supplement,
        receivedOn: '2026-11-30',
        today: '2026-12-03',
      }),
    ).toEqual([]);
    expect(
      supplementRequestViolations({
        policy: supplement,
        receivedOn: '2026-11-27',
        today: '2026-12-03',
      })[0].rule,
    ).toBe('supplement-request-window');
  });
});
