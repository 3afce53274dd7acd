import { ArgumentsHost, Catch, HttpException, type ExceptionFilter, Logger } from '@nestjs/common';
import { isDependencyUnavailable } from '@motcua/messaging';
import { currentCorrelationId } from '@motcua/observability';
import { DomainProblem, PROBLEM_BASE, type FieldViolation, type ProblemDetails } from './problem';
import { replyStarted, sendJson, type HttpReply } from './reply';

/** Turns every error into application/problem+json; unexpected errors are logged, never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ originalUrl?: string; url?: string }>();
    const reply = http.getResponse<HttpReply>();
    const instance = request.originalUrl ?? request.url;
    const problem = toProblem(error, instance);
    // An unreachable dependency is logged once per outage by its connections, not per request.
    if (problem.status >= 500 && problem.retryAfter === undefined) this.logger.error(error);
    if (replyStarted(reply)) return;
    sendJson(
      reply,
      problem.status,
      { ...problem, correlationId: currentCorrelationId() },
      {
        'Content-Type': 'application/problem+json; charset=utf-8',
        ...(typeof problem.retryAfter === 'number'
          ? { 'Retry-After': String(problem.retryAfter) }
          : {}),
      },
    );
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
};

/** Seconds a client should wait before retrying while a dependency is down (its servers return within seconds to minutes). */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof DomainProblem) return error.toProblem(instance);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const title = TITLES[status] ?? 'Error';
    const response = error.getResponse();
    const detail =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : error.message;
    // A library outside @motcua/http (the access log) names the fields it refuses in `errors`.
    const errors = (response as { errors?: unknown }).errors;
    if (status === 400 && Array.isArray(errors))
      return {
        type: PROBLEM_BASE + 'validation-failed',
        title: 'The request is not valid',
        status,
        detail,
        instance,
        errors: errors as FieldViolation[],
      };
    return { type: PROBLEM_BASE + slug(title), title, status, detail, instance };
  }
  if (isDependencyUnavailable(error)) {
    return {
      type: PROBLEM_BASE + 'dependency-unavailable',
      title: 'Service temporarily unavailable',
      status: 503,
      detail:
        'A server this service depends on (its database or Redis) is unreachable; nothing was changed. Retry after the indicated delay.',
      instance,
      retryAfter: UNAVAILABLE_RETRY_AFTER_S,
    };
  }
  const storage = storageProblem(error, instance);
  if (storage) return storage;
  if (isBodyParserError(error)) {
    return {
      type: PROBLEM_BASE + 'malformed-body',
      title: 'Malformed request body',
      status: error.status,
      detail: error.message,
      instance,
    };
  }
  return {
    type: PROBLEM_BASE + 'internal-error',
    title: 'Internal error',
    status: 500,
    detail: 'The service failed to handle the request; quote the correlation id to the operators.',
    instance,
  };
}

/**
 * The service's own file storage failing (a full or read-only volume, lost permissions): 507 when
 * there is no space left, 503 otherwise. The request's partial work is undone by its handler.
 */
function storageProblem(error: unknown, instance?: string): ProblemDetails | undefined {
  const code = (error as { code?: unknown })?.code;
  const syscall = (error as { syscall?: unknown })?.syscall;
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined; // only errors of a file system call
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return {
      type: PROBLEM_BASE + 'insufficient-storage',
      title: 'Insufficient storage',
      status: 507,
      detail: 'The file storage is full; nothing was stored. Retry later.',
      instance,
      retryAfter: 60,
    };
  }
  if (['EACCES', 'EPERM', 'EROFS', 'EIO'].includes(code)) {
    return {
      type: PROBLEM_BASE + 'storage-unavailable',
      title: 'Storage unavailable',
      status: 503,
      detail: 'The file storage cannot be written now; nothing was stored. Retry later.',
      instance,
      retryAfter: 30,
    };
  }
  return undefined;
}

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { type?: unknown; status?: unknown };
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number';
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
