import { readFileSync } from 'node:fs';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  devKeyPaths,
  ensureDevKeys,
  mintDevToken,
  type MintOptions,
} from '@motcua/auth';
import { repoRoot } from './repo-root';

/** A bearer token signed by the local development key, as the identity provider would issue it. */
export function mintTestToken(claims: MintOptions): Promise<string> {
  return mintDevToken(repoRoot(), claims);
}

/**
 * A token signed by the trusted development key carrying exactly `payload` (plus iss and aud):
 * for tests of the token rules themselves (no exp, iat in the future, …).
 */
export async function signTestToken(payload: JWTPayload): Promise<string> {
  await ensureDevKeys(repoRoot());
  const jwk = JSON.parse(readFileSync(devKeyPaths(repoRoot()).privateKeyFile, 'utf8')) as JWK;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .sign(await importJWK(jwk, 'ES256'));
}
