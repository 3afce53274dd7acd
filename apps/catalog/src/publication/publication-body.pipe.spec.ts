import { DomainProblem } from '@motcua/http';
import { decisionBody } from '@motcua/testing';
import { PublicationBodyPipe } from './publication-body.pipe';
import { missingParts } from './procedure-completeness';

function problemOf(body: unknown) {
  try {
    new PublicationBodyPipe().transform(body);
  } catch (error) {
    if (error instanceof DomainProblem) return error.toProblem();
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('completeness of a procedure (Decree 63/2010 Art. 8(2))', () => {
  it('finds nothing missing in a complete record', () => {
    expect(missingParts(decisionBody('new', '1.000001').procedure)).toEqual([]);
  });

  it('lists every missing part, not only the first', () => {
    const {
      steps: _s,
      requiredDocuments: _d,
      timeLimit: _t,
      result: _r,
      ...rest
    } = decisionBody('new', '1.000001').procedure;
    const problem = problemOf({
      decision: decisionBody('new', '1.000001').decision,
      procedure: { ...rest, legalBasis: [], decidingAgency: '  ' },
    });
    expect(problem.status).toBe(422);
    expect(problem.type).toMatch(/incomplete-procedure$/);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(
      [
        'procedure.decidingAgency',
        'procedure.legalBasis',
        'procedure.requiredDocuments',
        'procedure.result',
        'procedure.steps',
        'procedure.timeLimit',
      ].sort(),
    );
    expect(problem.errors?.every((e) => e.rule === 'required')).toBe(true);
  });

  it('checks each document for its copies and required flag', () => {
    const body = decisionBody('new', '1.000001');
    body.procedure.requiredDocuments = [{ code: 'X', name: 'Tờ khai' } as never];
    expect(problemOf(body).errors?.map((e) => e.field)).toEqual([
      'procedure.requiredDocuments.0.originals',
      'procedure.requiredDocuments.0.copies',
      'procedure.requiredDocuments.0.required',
    ]);
  });
});

describe('rules of a publication decision', () => {
  it('accepts a complete new decision and fills defaults', () => {
    const body = decisionBody('new', '1.000001');
    const { conditions: _c, fees: _f, ...procedure } = body.procedure;
    const parsed = new PublicationBodyPipe().transform({ ...body, procedure });
    expect(parsed.decision.kind).toBe('new');
    expect('procedure' in parsed && parsed.procedure.fees).toEqual([]);
  });

  it('refuses a negative time limit, naming the field and rule', () => {
    const body = decisionBody('new', '1.000001');
    body.procedure.timeLimit.value = -3;
    expect(problemOf(body).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'procedure.timeLimit.value', rule: 'too_small' }),
      ]),
    );
  });

  it('refuses workflow shares that do not add up to the time limit', () => {
    const body = decisionBody('new', '1.000001');
    body.procedure.workflow[1].share = 3;
    const problem = problemOf(body);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'procedure.workflow', rule: 'shares-add-up-to-time-limit' }),
    ]);
  });

  it('refuses workflow steps out of order', () => {
    const body = decisionBody('new', '1.000001');
    body.procedure.workflow[2].order = 2;
    expect(problemOf(body).errors).toEqual([
      expect.objectContaining({ field: 'procedure.workflow', rule: 'ordered-steps' }),
    ]);
  });

  it('refuses an effective date before the signing date', () => {
    const body = decisionBody('new', '1.000001', {
      signedOn: '2026-03-10',
      effectiveFrom: '2026-03-09',
    });
    expect(problemOf(body).errors).toEqual([
      expect.objectContaining({ field: 'decision.effectiveFrom', rule: 'not-before-signing' }),
    ]);
  });

  it('refuses an unknown kind of decision', () => {
    expect(problemOf({ decision: { kind: 'suspended' } }).errors).toEqual([
      expect.objectContaining({ field: 'decision.kind' }),
    ]);
  });

  it('reads an abolition without a procedure record', () => {
    const parsed = new PublicationBodyPipe().transform({
      decision: {
        number: '9/QĐ-UBND',
        kind: 'abolished',
        signedOn: '2026-01-05',
        effectiveFrom: '2026-02-01',
      },
      code: '1.000001',
    });
    expect(parsed).toEqual(expect.objectContaining({ code: '1.000001' }));
  });
});

describe('levels and time-limit units under the law in force (docs/legal-rules.md)', () => {
  it('refuses the district level for a version effective from 1/7/2025 (two-tier local government) and keeps it before', () => {
    const from = decisionBody('new', '1.000001', {
      signedOn: '2025-06-20',
      effectiveFrom: '2025-07-01',
    });
    from.procedure.level = 'district';
    expect(problemOf(from).errors).toEqual([
      expect.objectContaining({
        field: 'procedure.level',
        rule: 'no-district-level-from-2025-07-01',
      }),
    ]);
    const before = decisionBody('new', '1.000001', {
      signedOn: '2025-06-20',
      effectiveFrom: '2025-06-30',
    });
    before.procedure.level = 'district';
    expect(new PublicationBodyPipe().transform(before).decision.effectiveFrom).toBe('2025-06-30');
  });

  it('accepts limits in working hours, months and same day, with the same-day value 1', () => {
    const hours = decisionBody('new', '1.000001');
    hours.procedure.timeLimit = { value: 4, unit: 'working_hours' };
    hours.procedure.workflow = hours.procedure.workflow.map((s) => ({ ...s, share: 4 / 3 }));
    expect('procedure' in new PublicationBodyPipe().transform(hours) && true).toBe(true);
    const sameDay = decisionBody('new', '1.000001');
    sameDay.procedure.timeLimit = { value: 2, unit: 'same_day' };
    sameDay.procedure.workflow = sameDay.procedure.workflow.map((s, i) => ({
      ...s,
      share: i === 1 ? 1 : 0.5,
    }));
    expect(problemOf(sameDay).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'procedure.timeLimit.value',
          rule: 'same-day-value-is-1',
        }),
      ]),
    );
    const months = decisionBody('new', '1.000001');
    months.procedure.timeLimit = { value: 1.5, unit: 'months' };
    months.procedure.workflow = months.procedure.workflow.map((s) => ({ ...s, share: 0.5 }));
    expect(problemOf(months).errors).toEqual([
      expect.objectContaining({ field: 'procedure.timeLimit.value', rule: 'whole-units' }),
    ]);
  });
});
