import { ArgumentsHost, Catch, HttpException, type ExceptionFilter, Logger } from '@nestjs/common';
import { currentCorrelationId } from '@motcua/observability';
import { DomainProblem, PROBLEM_BASE, type ProblemDetails } from './problem';

type Reply = {
  status(code: number): Reply;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  headersSent?: boolean;
};

/** Turns every error into application/problem+json; unexpected errors are logged, never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ originalUrl?: string; url?: string }>();
    const reply = http.getResponse<Reply>();
    const instance = request.originalUrl ?? request.url;
    const problem = toProblem(error, instance);
    if (problem.status >= 500) this.logger.error(error);
    if (reply.headersSent) return;
    reply.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    reply.status(problem.status).json({ ...problem, correlationId: currentCorrelationId() });
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
    return { type: PROBLEM_BASE + slug(title), title, status, detail, instance };
  }
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

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { type?: unknown; status?: unknown };
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number';
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
