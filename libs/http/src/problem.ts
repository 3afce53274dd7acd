import { HttpException } from '@nestjs/common';

/** One broken rule of a request: which field and which rule, in words a caller can act on. */
export type FieldViolation = { field: string; rule: string; message: string };

/** RFC 9457 problem details, the body of every error answer (application/problem+json). */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldViolation[];
  [extension: string]: unknown;
};

export const PROBLEM_BASE = 'https://motcua.gov.vn/problems/';

/**
 * A rule of the domain refused the request. `type` is a short slug such as
 * `action-not-allowed`; extensions (e.g. `allowedActions`) travel in the body.
 */
export class DomainProblem extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> & { errors?: FieldViolation[] } = {},
  ) {
    super(detail ?? title, status);
  }

  toProblem(instance?: string): ProblemDetails {
    // Extensions come first so that none can replace the standard members.
    return {
      ...this.extensions,
      type: PROBLEM_BASE + this.slug,
      title: this.title,
      status: this.getStatus(),
      detail: this.message,
      instance,
    };
  }
}

export function validationProblem(errors: FieldViolation[], detail?: string): DomainProblem {
  return new DomainProblem(
    400,
    'validation-failed',
    'The request is not valid',
    detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { errors },
  );
}

/** 422: the request is well formed but breaks rules of the domain; every broken rule is listed. */
export function ruleProblem(slug: string, title: string, errors: FieldViolation[]): DomainProblem {
  return new DomainProblem(
    422,
    slug,
    title,
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    {
      errors,
    },
  );
}
