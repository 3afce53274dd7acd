import { EXTENSION_POLICIES, SUPPLEMENT_POLICIES, extensionViolations, policyOn, supplementRequestViolations } from './lifecycle.policies';

const policy = policyOn(EXTENSION_POLICIES, '2026-11-30');
const rules = (input: Partial<Parameters<typeof extensionViolations>[0]>) =>
  extensionViolations({ policy, today: '2026-12-01', currentDueDate: '2026-12-04', newDueDate: '2026-12-10', extensionCount: 0, ...input }).map((v) => v.rule);

describe('extension (xin lỗi và hẹn lại ngày trả)', () => {
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

describe('supplement request during processing (Decree 61/2018 Art. 19(4))', () => {
  const supplement = policyOn(SUPPLEMENT_POLICIES, '2026-11-30');
  it('carries its legal basis and restarts the clock', () => {
    expect(supplement.legalBasis).toContain('Art. 19(4)');
    expect(supplement.clockOnCompletion).toBe('restart');
  });
  it('is allowed within 3 working days of receipt, not after', () => {
    expect(supplementRequestViolations({ policy: supplement, receivedOn: '2026-11-30', today: '2026-12-03' })).toEqual([]);
    expect(supplementRequestViolations({ policy: supplement, receivedOn: '2026-11-27', today: '2026-12-03' })[0].rule).toBe('supplement-request-window');
  });
});
