import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Principal } from './roles';

/**
 * The development signing key: an ES256 key pair kept under `.data/auth/` (never committed).
 * The local OpenID Connect provider (tools/idp, started by `npm run up` on port 3100, and by the
 * tests on a free port) signs with it and publishes it at its jwks_uri; scripts and tests mint
 * tokens with it for any principal. Production uses the province's identity provider (README).
 */
export const DEV_ISSUER = 'http://127.0.0.1:3100';
export const DEV_AUDIENCE = 'motcua';
const KEY_ID = 'motcua-dev-1';

export type DevKeyPaths = { privateKeyFile: string; jwksFile: string; jwksUrl: string };

export function devKeyPaths(root: string): DevKeyPaths {
  const dir = join(root, '.data', 'auth');
  const jwksFile = join(dir, 'jwks.json');
  return {
    privateKeyFile: join(dir, 'dev-private.jwk.json'),
    jwksFile,
    jwksUrl: pathToFileURL(jwksFile).href,
  };
}

export async function ensureDevKeys(root: string): Promise<DevKeyPaths> {
  const paths = devKeyPaths(root);
  if (existsSync(paths.privateKeyFile) && existsSync(paths.jwksFile)) return paths;
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const common = { kid: KEY_ID, alg: 'ES256', use: 'sig' };
  mkdirSync(dirname(paths.privateKeyFile), { recursive: true });
  writeFileSync(
    paths.privateKeyFile,
    JSON.stringify({ ...(await exportJWK(privateKey)), ...common }),
    {
      mode: 0o600,
    },
  );
  writeFileSync(
    paths.jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), ...common }] }),
  );
  return paths;
}

/** `issuer`: the provider whose tokens these stand for (default DEV_ISSUER, the local stack's). */
export type MintOptions = Omit<Principal, 'subject'> & {
  subject: string;
  expiresIn?: string;
  issuer?: string;
};

export async function mintDevToken(root: string, claims: MintOptions): Promise<string> {
  const paths = await ensureDevKeys(root);
  const jwk = JSON.parse(readFileSync(paths.privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const { subject, expiresIn = '8h', issuer = DEV_ISSUER, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid: KEY_ID })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
