import { DomainProblem, type FieldViolation } from '@motcua/http';

export function notFound(what: string): DomainProblem {
  return new DomainProblem(404, 'feedback-not-found', 'Feedback not found', what);
}

/** 422: the request is well formed but breaks a rule of the domain (each broken rule listed). */
export function ruleProblem(slug: string, title: string, errors: FieldViolation[]): DomainProblem {
  return new DomainProblem(422, slug, title, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
