import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Principal } from './roles';

/**
 * The local development identity provider: an ES256 key pair kept under
 * `.data/auth/` (never committed), its public JWKS for the services, and a minting
 * function for scripts and tests. Production uses the province's identity provider.
 */
export const DEV_ISSUER = 'motcua-dev-idp';
export const DEV_AUDIENCE = 'motcua';
const KEY_ID = 'motcua-dev-1';

export type DevKeyPaths = { privateKeyFile: string; jwksFile: string; jwksUrl: string };

export function devKeyPaths(root: string): DevKeyPaths {
  const dir = join(root, '.data', 'auth');
  const jwksFile = join(dir, 'jwks.json');
  return { privateKeyFile: join(dir, 'dev-private.jwk.json'), jwksFile, jwksUrl: pathToFileURL(jwksFile).href };
}

export async function ensureDevKeys(root: string): Promise<DevKeyPaths> {
  const paths = devKeyPaths(root);
  if (existsSync(paths.privateKeyFile) && existsSync(paths.jwksFile)) return paths;
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const common = { kid: KEY_ID, alg: 'ES256', use: 'sig' };
  mkdirSync(dirname(paths.privateKeyFile), { recursive: true });
  writeFileSync(paths.privateKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), ...common }), {
    mode: 0o600,
  });
  writeFileSync(paths.jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), ...common }] }));
  return paths;
}

export type MintOptions = Omit<Principal, 'subject'> & { subject: string; expiresIn?: string };

export async function mintDevToken(root: string, claims: MintOptions): Promise<string> {
  const paths = await ensureDevKeys(root);
  const jwk = JSON.parse(readFileSync(paths.privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const { subject, expiresIn = '8h', ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid: KEY_ID })
    .setSubject(subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
