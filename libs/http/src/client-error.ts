import type { Duplex } from 'node:stream';
import { PROBLEM_BASE } from './problem';

/** The default of HTTP_REQUEST_TIMEOUT_S: seconds a request (headers and body) may take to arrive. */
export const DEFAULT_REQUEST_TIMEOUT_S = 300;

/** Node's default headersTimeout: the headers of a request must arrive within a minute. */
const HEADERS_TIMEOUT_MS = 60_000;

/**
 * The HTTP server's timeouts (ADR 0042): `requestTimeout` for the Fastify adapter, where it
 * defaults to 0 (off), the others set on the server before it listens: a request must arrive whole within `seconds`, its headers within Node's default
 * minute (or `seconds` if shorter). Node checks the open connections every
 * `connectionsCheckingInterval` (30 s by default), so a short timeout gets a tighter check.
 */
export function requestTimeouts(seconds: number) {
  const requestTimeout = seconds * 1000;
  return {
    requestTimeout,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
    connectionsCheckingInterval: Math.max(250, Math.min(30_000, requestTimeout / 4)),
  };
}

/** What a client error is answered with: status line, problem type, title and detail. */
type Answer = { status: number; reason: string; type: string; title: string; detail: string };

const HEADERS_TOO_LARGE: Answer = {
  status: 431,
  reason: 'Request Header Fields Too Large',
  type: 'request-header-fields-too-large',
  title: 'Request header fields too large',
  detail:
    'The request headers exceed what the server accepts (16 KiB in all); send fewer or shorter headers.',
};

const TIMED_OUT: Answer = {
  status: 408,
  reason: 'Request Timeout',
  type: 'request-timeout',
  title: 'Request timeout',
  detail:
    'The request (headers and body) did not arrive within the time the server allows (HTTP_REQUEST_TIMEOUT_S); nothing was done.',
};

const MALFORMED: Answer = {
  status: 400,
  reason: 'Bad Request',
  type: 'malformed-request',
  title: 'Malformed request',
  detail: 'The request could not be parsed as HTTP.',
};

const ANSWERS: Record<string, Answer> = {
  HPE_HEADER_OVERFLOW: HEADERS_TOO_LARGE,
  ERR_HTTP_REQUEST_TIMEOUT: TIMED_OUT,
};

/**
 * What the HTTP server answers to a request it could not even parse or receive (Node's
 * `clientError`): headers larger than the server accepts get 431, a request that did not arrive in
 * time (requestTimeouts) 408, anything else malformed 400, each as a problem+json like every other
 * error, instead of Node's bare status line, and the connection closed. The Fastify adapter uses it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({
    type: PROBLEM_BASE + answer.type,
    title: answer.title,
    status: answer.status,
    detail: answer.detail,
  });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
