import type { Principal } from '@motcua/auth';
import { evaluationViolation } from './evaluation.rules';

const citizen: Principal = { subject: 'citizen-1', roles: ['citizen'] };
const desk: Principal = { subject: 'officer-1', roles: ['desk_officer'], unit: 'VP.MC' };
const now = new Date('2026-12-03T03:00:00Z');
const base = {
  status: 'result_returned' as const,
  createdBy: 'citizen-1',
  alreadyEvaluated: false,
  processedAt: new Date('2026-12-01T03:00:00Z'),
  now,
};

describe('who may evaluate a dossier, and when', () => {
  it('lets the citizen who submitted it evaluate once it is processed or returned', () => {
    expect(evaluationViolation(base, citizen)).toBeNull();
    expect(evaluationViolation({ ...base, status: 'processed' }, citizen)).toBeNull();
    expect(evaluationViolation({ ...base, createdBy: 'someone-else' }, citizen)).toMatchObject({
      status: 403,
      rule: 'owner',
    });
  });

  it('refuses an undecided dossier and a second evaluation', () => {
    expect(evaluationViolation({ ...base, status: 'processing' }, citizen)).toMatchObject({
      status: 409,
      rule: 'decided',
    });
    expect(evaluationViolation({ ...base, alreadyEvaluated: true }, desk)).toMatchObject({
      status: 409,
      rule: 'once',
    });
  });

  it('lets a desk officer enter a paper form of any dossier, dated between the decision and now', () => {
    expect(
      evaluationViolation(
        { ...base, createdBy: 'officer-9', evaluatedAt: '2026-12-02T09:00:00+07:00' },
        desk,
      ),
    ).toBeNull();
    expect(
      evaluationViolation({ ...base, evaluatedAt: '2026-12-04T09:00:00+07:00' }, desk),
    ).toMatchObject({ status: 422, field: 'body.evaluatedAt', rule: 'not-future' });
    expect(
      evaluationViolation({ ...base, evaluatedAt: '2026-11-30T09:00:00+07:00' }, desk),
    ).toMatchObject({ status: 422, rule: 'after-decision' });
    expect(
      evaluationViolation({ ...base, evaluatedAt: '2026-12-02T09:00:00+07:00' }, citizen),
    ).toMatchObject({ status: 422, rule: 'paper-form-only' });
  });
});
