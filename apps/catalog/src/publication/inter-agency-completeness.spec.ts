import type { DomainProblem } from '@motcua/http';
import {
  chainAgencies,
  chainDecision,
  parallelProcedure,
  sequentialProcedure,
  verticalProcedure,
} from '../../test/inter-agency-fixtures';
import { chainViolations } from './inter-agency-completeness';
import { PublicationBodyPipe } from './publication-body.pipe';

const agencies = chainAgencies('000.00.00.T97');
const rulesOf = (procedure: unknown) => chainViolations(procedure).map((v) => [v.field, v.rule]);

describe('completeness of an inter-agency chain (docs/inter-agency.md)', () => {
  it('finds nothing wrong in a sequential, a parallel and a vertical chain, nor in a procedure without one', () => {
    expect(chainViolations(sequentialProcedure('1.000001', agencies))).toEqual([]);
    expect(chainViolations(parallelProcedure('1.000001', agencies))).toEqual([]);
    expect(chainViolations(verticalProcedure('1.000001', agencies))).toEqual([]);
    const { interAgency: _none, ...single } = sequentialProcedure('1.000001', agencies);
    expect(chainViolations(single)).toEqual([]);
  });

  it('needs at least two stages', () => {
    const procedure = sequentialProcedure('1.000001', agencies);
    procedure.interAgency.stages = procedure.interAgency.stages.slice(0, 1);
    expect(rulesOf(procedure)).toEqual([['procedure.interAgency.stages', 'at-least-two-stages']]);
    expect(rulesOf({ ...procedure, interAgency: { direction: 'horizontal' } })).toEqual([
      ['procedure.interAgency.stages', 'at-least-two-stages'],
    ]);
  });

  it('needs orders 1, 2, 3… without a gap, naming the stage after the gap', () => {
    const procedure = parallelProcedure('1.000001', agencies);
    procedure.interAgency.stages[3].order = 4;
    expect(rulesOf(procedure)).toEqual([
      ['procedure.interAgency.stages.3.order', 'contiguous-orders'],
    ]);
    const late = sequentialProcedure('1.000001', agencies);
    late.interAgency.stages.forEach((stage) => (stage.order += 1));
    expect(rulesOf(late)).toEqual([['procedure.interAgency.stages.0.order', 'contiguous-orders']]);
  });

  it('takes the largest share of each order: 2 + max(5, 7) + 3 = 12, not the sum of all shares', () => {
    const procedure = parallelProcedure('1.000001', agencies);
    procedure.interAgency.stages[1].share = 8; // now 2 + 8 + 3 = 13
    const violations = chainViolations(procedure);
    expect(violations.map((v) => [v.field, v.rule])).toEqual([
      ['procedure.interAgency.stages', 'shares-add-up-to-time-limit'],
    ]);
    expect(violations[0].message).toContain('adds up to 13, but the time limit is 12');
  });

  it('refuses a chain on a same-day limit', () => {
    const procedure = sequentialProcedure('1.000001', agencies);
    procedure.timeLimit = { value: 1, unit: 'same_day' };
    expect(rulesOf(procedure)).toEqual([['procedure.timeLimit.unit', 'no-same-day-chain']]);
  });

  it('needs every stage to hand something on, by code; documents must be the procedure’s', () => {
    const procedure = sequentialProcedure('1.000001', agencies);
    procedure.interAgency.stages[1].handsOn = [];
    procedure.interAgency.stages[0].handsOn[0].code = ' ';
    procedure.interAgency.stages[0].handsOn[1].code = 'NOPE';
    expect(rulesOf(procedure)).toEqual([
      ['procedure.interAgency.stages.0.handsOn.0.code', 'required'],
      ['procedure.interAgency.stages.0.handsOn.1.code', 'known-document'],
      ['procedure.interAgency.stages.1.handsOn', 'hands-on-something'],
    ]);
  });

  it('needs the lead agency to resolve a stage of its own, and a stage’s workflow to fill its share', () => {
    const procedure = sequentialProcedure('1.000001', agencies);
    procedure.agencyCode = agencies.construction;
    procedure.interAgency.stages[1].workflow = [
      { order: 1, name: 'Lập hồ sơ', unitCode: 'P.QLDD', unitName: 'P.QLDD', share: 3 },
    ];
    expect(rulesOf(procedure)).toEqual([
      ['procedure.interAgency.stages.1.workflow', 'shares-add-up-to-stage-share'],
      ['procedure.agencyCode', 'lead-agency-in-chain'],
    ]);
    const external = verticalProcedure('1.000001', agencies);
    external.agencyCode = agencies.tax;
    external.interAgency.stages[1].workflow = [
      { order: 1, name: 'Xác định', unitCode: 'X', unitName: 'X', share: 3 },
    ];
    expect(rulesOf(external)).toEqual([
      ['procedure.interAgency.stages.1.workflow', 'no-workflow-for-external-stage'],
      ['procedure.agencyCode', 'lead-agency-in-chain'],
    ]);
  });

  it('refuses an agency with two stages of one order', () => {
    const procedure = parallelProcedure('1.000001', agencies);
    procedure.interAgency.stages[1].agencyCode = agencies.environment;
    expect(rulesOf(procedure)).toEqual([
      ['procedure.interAgency.stages.2.agencyCode', 'one-stage-per-agency-and-order'],
    ]);
  });

  it('is checked before the shape: 422 incomplete-inter-agency-chain from the publication body pipe', () => {
    const body = chainDecision(sequentialProcedure('1.000001', agencies));
    body.procedure.interAgency.stages[1].share = 5;
    let problem: ReturnType<DomainProblem['toProblem']> | undefined;
    try {
      new PublicationBodyPipe().transform(body);
    } catch (error) {
      problem = (error as DomainProblem).toProblem();
    }
    expect(problem?.status).toBe(422);
    expect(problem?.type).toMatch(/incomplete-inter-agency-chain$/);
    expect(
      new PublicationBodyPipe().transform(chainDecision(parallelProcedure('1.000001', agencies))),
    ).toEqual(
      expect.objectContaining({
        procedure: expect.objectContaining({
          interAgency: expect.objectContaining({ direction: 'horizontal' }),
        }),
      }),
    );
  });
});
