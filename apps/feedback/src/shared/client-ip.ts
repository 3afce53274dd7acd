export type ClientRequest = {
  ip?: string;
  socket?: { remoteAddress?: string };
  headers?: Record<string, string | string[] | undefined>;
};

/**
 * The client address of a request. Behind `trustedProxyHops` reverse proxies (the gateway), the
 * address is the one that many entries from the right of X-Forwarded-For; with 0 the header is
 * ignored (anyone can write it).
 */
export function clientIpOf(request: ClientRequest, trustedProxyHops: number): string {
  const direct = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return direct;
  const header = request.headers?.['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : header;
  const chain = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxyHops] ?? chain[0] ?? direct;
}
