import type { Principal } from '@motcua/auth';
import type { DossierStatus } from '../dossier/dossier-status';

/** An evaluation is given once the dossier is decided: processed (result ready) or its result returned. */
export const EVALUABLE: readonly DossierStatus[] = ['processed', 'result_returned'];

export type Violation = {
  status: 403 | 409 | 422;
  type: string;
  title: string;
  field?: string;
  rule: string;
  message: string;
};

/**
 * Who may record the evaluation, and whether it may be recorded now (pure; the service runs it under the
 * dossier's row lock): the citizen who submitted the dossier online, or a desk officer entering the paper form;
 * once per dossier; a paper form's date neither before the dossier was processed nor in the future.
 */
export function evaluationViolation(
  input: {
    status: DossierStatus;
    createdBy: string | null;
    alreadyEvaluated: boolean;
    processedAt: Date | null;
    evaluatedAt?: string;
    now: Date;
  },
  principal: Principal,
): Violation | null {
  const citizen = principal.roles.includes('citizen') && !principal.roles.includes('desk_officer');
  if (citizen && input.createdBy !== principal.subject) {
    return {
      status: 403,
      type: 'not-your-dossier',
      title: 'Only the applicant who submitted the dossier may evaluate it',
      rule: 'owner',
      message: 'the dossier was not submitted by you',
    };
  }
  if (citizen && input.evaluatedAt !== undefined) {
    return {
      status: 422,
      type: 'validation',
      title: 'Invalid evaluation',
      field: 'body.evaluatedAt',
      rule: 'paper-form-only',
      message: 'only a desk officer entering a paper form gives its date',
    };
  }
  if (!EVALUABLE.includes(input.status)) {
    return {
      status: 409,
      type: 'not-evaluable',
      title: 'The dossier cannot be evaluated yet',
      rule: 'decided',
      message: `a dossier is evaluated once processed or returned; it is ${input.status}`,
    };
  }
  if (input.alreadyEvaluated) {
    return {
      status: 409,
      type: 'already-evaluated',
      title: 'The dossier was already evaluated',
      rule: 'once',
      message: 'a dossier is evaluated at most once',
    };
  }
  if (input.evaluatedAt !== undefined) {
    const at = Date.parse(input.evaluatedAt);
    if (at > input.now.getTime()) {
      return {
        status: 422,
        type: 'validation',
        title: 'Invalid evaluation',
        field: 'body.evaluatedAt',
        rule: 'not-future',
        message: 'the date of the paper form may not be in the future',
      };
    }
    if (input.processedAt && at < input.processedAt.getTime()) {
      return {
        status: 422,
        type: 'validation',
        title: 'Invalid evaluation',
        field: 'body.evaluatedAt',
        rule: 'after-decision',
        message: 'the paper form cannot be dated before the dossier was processed',
      };
    }
  }
  return null;
}
