import { DomainProblem, type FieldViolation } from '@motcua/http';

/** 422: the request is well formed but breaks a rule of the catalog; every broken rule is listed. */
export function ruleProblem(slug: string, title: string, errors: FieldViolation[]): DomainProblem {
  return new DomainProblem(422, slug, title, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

export function conflictProblem(slug: string, title: string, error: FieldViolation): DomainProblem {
  return new DomainProblem(409, slug, title, `${error.field}: ${error.message}`, { errors: [error] });
}

export function notFoundProblem(slug: string, title: string, error: FieldViolation): DomainProblem {
  return new DomainProblem(404, slug, title, `${error.field}: ${error.message}`, { errors: [error] });
}
