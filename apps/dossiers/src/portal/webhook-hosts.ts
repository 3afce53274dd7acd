import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
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

/** Addresses a webhook may reach only when the address itself is on the allow-list. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // this network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, the cloud metadata service
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3], // multicast and reserved
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv6');

/** Whether an address is private, loopback, link-local or otherwise not on the public Internet. */
export function internalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  return isIP(address) === 6 ? INTERNAL.check(address, 'ipv6') : INTERNAL.check(address, 'ipv4');
}

export type Resolve = (host: string) => Promise<readonly string[]>;

/** Every address a host name resolves to (A and AAAA), as the HTTP client would pick among them. */
export const resolveHost: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why a receiver on the allow-list may still not be called: its host name resolves to an internal
 * address (loopback, private, link-local such as the metadata service) that the allow-list does not
 * itself name. A name under an allowed domain could otherwise point anywhere inside the network; an
 * operator who means an internal receiver lists its address too (`portal.noibo, 10.1.2.3`). An IP
 * literal in the URL is already checked by webhookHostAllowed. Undefined when the receiver may be
 * called; a host that does not resolve is left to the delivery (it fails and is retried).
 */
export async function webhookAddressRefusal(
  url: string,
  allowed: readonly string[],
  resolve: Resolve = resolveHost,
): Promise<string | undefined> {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return undefined;
  const addresses = await resolve(host).catch(() => [] as string[]);
  const listed = new Set(allowed.map((entry) => entry.replace(/^\[|\]$/g, '')));
  const internal = addresses.filter((a) => internalAddress(a) && !listed.has(a.toLowerCase()));
  if (internal.length === 0) return undefined;
  return `host ${host} resolves to the internal address ${internal[0]}, which PORTAL_WEBHOOK_ALLOWED_HOSTS does not list`;
}
