import { createHash, createHmac } from 'node:crypto';

export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
};

export type SigningRequest = {
  method: string;
  url: URL;
  /** Headers to sign besides host and x-amz-date (names in any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (S3 also wants it as x-amz-content-sha256, which the caller adds). */
  payloadHash: string;
  region: string;
  service: string;
  credentials: AwsCredentials;
  now: Date;
};

export type SignedHeaders = Record<string, string> & {
  authorization: string;
  'x-amz-date': string;
};

export const EMPTY_PAYLOAD_HASH = createHash('sha256').update('').digest('hex');

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept, everything else %XX). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** S3 style: each path segment encoded once, slashes kept, no normalisation. */
function canonicalUri(url: URL): string {
  const path = decodeURIComponent(url.pathname || '/');
  return path.split('/').map(uriEncode).join('/');
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([key, value]) => [uriEncode(key), uriEncode(value)])
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/**
 * AWS Signature Version 4 (header form): canonical request, string to sign, the signing key
 * derived from the date, region and service, and the Authorization header. Pure: the clock is
 * an argument, so the signer is tested against AWS's published example vectors.
 */
export function signV4(
  request: SigningRequest,
): SignedHeaders & { canonicalRequest: string; stringToSign: string } {
  const amzDate = request.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { host: request.url.host, 'x-amz-date': amzDate };
  if (request.credentials.sessionToken)
    headers['x-amz-security-token'] = request.credentials.sessionToken;
  for (const [name, value] of Object.entries(request.headers ?? {}))
    headers[name.toLowerCase()] = value;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names
    .map((name) => `${name}:${headers[name].trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url),
    canonicalQuery(request.url),
    canonicalHeaders,
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const scope = `${day}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(
      hmac(hmac(`AWS4${request.credentials.secretAccessKey}`, day), request.region),
      request.service,
    ),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${request.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  const { host: _host, ...sent } = headers;
  return { ...sent, 'x-amz-date': amzDate, authorization, canonicalRequest, stringToSign };
}
