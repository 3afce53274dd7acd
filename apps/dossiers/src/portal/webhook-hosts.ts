import { z } from 'zod';

/**
 * The hosts a portal may register webhooks for (PORTAL_WEBHOOK_ALLOWED_HOSTS): the dossiers
 * service POSTs from inside the province's network, so a receiver anywhere else — or an internal
 * address such as the metadata service or a database — must not be a target. An entry is a host
 * name (`portal.tinh.gov.vn`), a wildcard for its subdomains (`*.tinh.gov.vn`, not the name
 * itself) or an IP literal (`10.1.2.3`, `[fd00::1]`); any port. None listed: no webhook at all.
 */
const HOST_PATTERN =
  /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;

export const allowedHostsEnv = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine(
          (entry) => HOST_PATTERN.test(entry) || IPV6_LITERAL.test(entry),
          'each entry is a host name, *.domain or an IP literal, comma-separated',
        ),
    ),
  );

/** Whether the host of a receiver URL is on the allow-list. */
export function webhookHostAllowed(url: string, allowed: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return allowed.some((entry) =>
    entry.startsWith('*.')
      ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1
      : host === entry,
  );
}
