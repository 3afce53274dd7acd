import type { ServerResponse } from 'node:http';

/**
 * The part of Fastify's reply a handler gets with `@Res()` or a filter with `getResponse()`: the
 * Fastify answer (`header`/`send`) and the Node response under it as `raw`.
 */
export type HttpReply = {
  raw: ServerResponse;
  hijack(): void;
  header(name: string, value: string): unknown;
  send(body: unknown): unknown;
  status(code: number): unknown;
  /** True once answered, or once the handler took the raw response in hand (`hijack`). */
  readonly sent: boolean;
};

/** Sends `body` as JSON with `status` and `headers` (a Content-Type among them replaces the default). */
export function sendJson(
  reply: HttpReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (reply.sent && !reply.raw.headersSent) {
    // Taken in hand by `rawResponse` but failed before its first byte (a stored file that cannot
    // be opened): Fastify no longer answers for it, so the answer goes out on the Node response.
    reply.raw.setHeader('content-type', 'application/json; charset=utf-8');
    for (const [name, value] of Object.entries(headers)) reply.raw.setHeader(name, value);
    reply.raw.statusCode = status;
    reply.raw.end(JSON.stringify(body));
    return;
  }
  reply.header('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.status(status);
  reply.send(JSON.stringify(body));
}

/** True once the answer's headers left (a streamed export that failed mid-way). */
export function replyStarted(reply: HttpReply): boolean {
  return reply.raw.headersSent;
}

/**
 * The Node response to stream an answer into by hand (a spreadsheet written while it is read, a
 * stored file): Fastify's raw response, Fastify told to leave it alone.
 */
export function rawResponse(reply: HttpReply): ServerResponse {
  reply.hijack();
  return reply.raw;
}
