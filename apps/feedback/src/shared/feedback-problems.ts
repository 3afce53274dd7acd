import { DomainProblem } from '@motcua/http';

export function notFound(what: string): DomainProblem {
  return new DomainProblem(404, 'feedback-not-found', 'Feedback not found', what);
}
