import type { Duplex } from 'node:stream';
import { PROBLEM_BASE } from './problem';

/**
 * What the HTTP server answers to a request it could not even parse (Node's `clientError`): headers
 * larger than the server accepts get 431, anything else malformed 400, each as a problem+json like
 * every other error, instead of Node's bare status line. The Fastify adapter uses it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: PROBLEM_BASE + (tooLarge ? 'request-header-fields-too-large' : 'malformed-request'),
    title: tooLarge ? 'Request header fields too large' : 'Malformed request',
    status,
    detail: tooLarge
      ? 'The request headers exceed what the server accepts (16 KiB in all); send fewer or shorter headers.'
      : 'The request could not be parsed as HTTP.',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
