import { DomainProblem, type FieldViolation } from '@motcua/http';

export function conflictProblem(slug: string, title: string, error: FieldViolation): DomainProblem {
  return new DomainProblem(409, slug, title, `${error.field}: ${error.message}`, {
    errors: [error],
  });
}

export function notFoundProblem(slug: string, title: string, error: FieldViolation): DomainProblem {
  return new DomainProblem(404, slug, title, `${error.field}: ${error.message}`, {
    errors: [error],
  });
}
