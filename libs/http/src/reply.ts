import type { ServerResponse } from 'node:http';

/**
 * The answer object a handler gets with `@Res()` or a filter with `getResponse()`: Express's
 * response (a Node ServerResponse with `status`/`json`) or Fastify's reply (`header`/`send`, the
 * Node response as `raw`). These helpers answer through either, so a controller does not depend on
 * the HTTP adapter its service runs on (issue 17: the dossiers service runs on Fastify).
 */
export type AnyReply = {
  raw?: ServerResponse;
  hijack?: () => void;
  header?: (name: string, value: string) => unknown;
  send?: (body: unknown) => unknown;
  setHeader?: (name: string, value: string) => unknown;
  json?: (body: unknown) => unknown;
  status(code: number): unknown;
  headersSent?: boolean;
  sent?: boolean;
};

const isFastify = (reply: AnyReply): boolean =>
  reply.raw !== undefined && typeof reply.hijack === 'function';

/** Sends `body` as JSON with `status` and `headers` (a Content-Type among them replaces the default). */
export function sendJson(
  reply: AnyReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (isFastify(reply)) {
    reply.header!('content-type', 'application/json; charset=utf-8');
    for (const [name, value] of Object.entries(headers)) reply.header!(name, value);
    reply.status(status);
    reply.send!(JSON.stringify(body));
    return;
  }
  for (const [name, value] of Object.entries(headers)) reply.setHeader!(name, value);
  reply.status(status);
  reply.json!(body);
}

/** True once the answer's headers left (a streamed export that failed mid-way). */
export function replyStarted(reply: AnyReply): boolean {
  return isFastify(reply) ? reply.raw!.headersSent : reply.headersSent === true;
}

/**
 * The Node response to stream an answer into by hand (a spreadsheet written while it is read):
 * Express's response itself; under Fastify its raw response, Fastify told to leave it alone.
 */
export function rawResponse(reply: AnyReply): ServerResponse {
  if (isFastify(reply)) {
    reply.hijack!();
    return reply.raw!;
  }
  return reply as unknown as ServerResponse;
}
