import { readFileSync } from 'node:fs';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import {
  DEV_AUDIENCE,
  devKeyPaths,
  ensureDevKeys,
  mintDevToken,
  type MintOptions,
} from '@motcua/auth';
import { repoRoot } from '@motcua/stack';
import { testEnv } from './test-env';

/**
 * A bearer token for any principal, signed by the development key that the run's OpenID Connect
 * provider signs with and publishes (its issuer as iss): services verify it through the
 * provider's JWKS, as they verify the provider's own tokens (idpToken).
 */
export function mintTestToken(claims: MintOptions): Promise<string> {
  return mintDevToken(repoRoot(), { issuer: testEnv.authIssuer(), ...claims });
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
    .setIssuer(testEnv.authIssuer())
    .setAudience(DEV_AUDIENCE)
    .sign(await importJWK(jwk, 'ES256'));
}
