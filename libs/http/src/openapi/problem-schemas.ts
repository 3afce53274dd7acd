import { z } from 'zod';
import { PROBLEM_BASE } from '../problem';

/** One broken rule of a request (FieldViolation). */
export const fieldViolationSchema = z.object({
  field: z
    .string()
    .meta({ description: 'body.applicant.name, query.page, header.Idempotency-Key…' }),
  rule: z.string().meta({ description: 'The rule broken: a zod issue code or a named rule' }),
  message: z.string(),
});

/** RFC 9457 problem details: the body of every error answer (application/problem+json). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: `${PROBLEM_BASE}<slug>` }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    correlationId: z.string().optional(),
    errors: z.array(fieldViolationSchema).optional(),
    allowedActions: z
      .array(z.string())
      .optional()
      .meta({ description: 'Actions the caller may perform now (a refused action)' }),
    retryAfter: z.int().optional().meta({ description: 'Seconds, as in the Retry-After header' }),
  })
  .catchall(z.unknown());

export type ProblemResponse = {
  name: string;
  status: number;
  description: string;
  slugs: readonly string[];
  example: Record<string, unknown>;
  /** Answered with a Retry-After header. */
  retryAfter?: true;
};

const example = (status: number, slug: string, title: string, extra: object = {}) => ({
  type: PROBLEM_BASE + slug,
  title,
  status,
  ...extra,
});

/** The problems every service answers, by status: what they mean and their problem types. */
export const PROBLEM_RESPONSES: Record<number, ProblemResponse> = {
  400: {
    name: 'ValidationFailed',
    status: 400,
    description:
      'The request breaks its schema: `errors` names each field and rule. Nothing was changed.',
    slugs: ['validation-failed', 'malformed-body'],
    example: example(400, 'validation-failed', 'The request is not valid', {
      detail: 'name: Too small: expected string to have >=1 characters',
      errors: [{ field: 'name', rule: 'too_small', message: 'Too small' }],
    }),
  },
  401: {
    name: 'Unauthenticated',
    status: 401,
    description:
      'No bearer token, or a token that is expired, not signed by the identity provider or for another audience.',
    slugs: ['authentication-required'],
    example: example(401, 'authentication-required', 'Authentication required'),
  },
  403: {
    name: 'Forbidden',
    status: 403,
    description:
      'The role may not call this route, or the object belongs to an agency outside the caller’s scope (agency-scope), or the role may not perform this action.',
    slugs: ['forbidden', 'agency-scope'],
    example: example(403, 'forbidden', 'Forbidden'),
  },
  404: {
    name: 'NotFound',
    status: 404,
    description:
      'No such object, or one outside the caller’s scope (its existence is not revealed).',
    slugs: ['not-found', 'dossier-not-found', 'feedback-not-found'],
    example: example(404, 'not-found', 'Not found'),
  },
  409: {
    name: 'Conflict',
    status: 409,
    description:
      'The current state does not allow the request (an action the status forbids: `allowedActions` lists those allowed now; a code already used).',
    slugs: ['action-not-allowed', 'conflict'],
    example: example(409, 'action-not-allowed', 'The action is not allowed in this status', {
      allowedActions: ['assign', 'withdraw'],
    }),
  },
  413: {
    name: 'PayloadTooLarge',
    status: 413,
    description: 'The body is over its size cap.',
    slugs: ['payload-too-large'],
    example: example(413, 'payload-too-large', 'Payload too large'),
  },
  422: {
    name: 'RuleViolated',
    status: 422,
    description:
      'Well formed, but rules of the domain refuse it: `errors` lists every broken rule (docs/legal-rules.md).',
    slugs: ['rule-violated'],
    example: example(422, 'rule-violated', 'The request breaks rules of the domain', {
      errors: [{ field: 'procedureCode', rule: 'unknown-procedure', message: 'no such procedure' }],
    }),
  },
  429: {
    name: 'TooManyRequests',
    status: 429,
    description: 'Too many requests from this client; retry after the Retry-After header.',
    slugs: ['rate-limited'],
    retryAfter: true,
    example: example(429, 'rate-limited', 'Too many requests', { retryAfter: 30 }),
  },
  503: {
    name: 'DependencyUnavailable',
    status: 503,
    description:
      'Nothing was changed; retry after the Retry-After header. `dependency-unavailable`: a server the service depends on (database, Redis) is unreachable. `overloaded`: this instance already serves MAX_REQUESTS_IN_FLIGHT requests (load shedding, ADR 0040; the connection is closed). `busy`: the dossier intake could not get a database connection in time, or its procedure is being updated (retry with the same Idempotency-Key).',
    slugs: ['dependency-unavailable', 'overloaded', 'busy'],
    retryAfter: true,
    example: example(503, 'dependency-unavailable', 'Service temporarily unavailable', {
      retryAfter: 5,
    }),
  },
};
