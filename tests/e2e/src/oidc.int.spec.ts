import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importJWK, type JWK } from 'jose';
import { idpToken, startIdp, type RunningIdp } from '@motcua/stack';
import { startService, type RunningService } from '@motcua/testing';

type Problem = { detail: string };

function signingKey(kid: string): JWK {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256', use: 'sig' };
}

/**
 * A service against a real OpenID Connect provider of its own: tokens the provider issues are
 * accepted through its jwks_uri (fetched and cached), a key rotation is followed after the JWKS
 * refresh, and a token signed by a key the provider never published is refused.
 */
describe('the OpenID Connect provider and a service (JWKS fetch, rotation, cache)', () => {
  const secret = 'client-secret-of-this-test-0123';
  const [first, second, unknown] = [
    signingKey('rotation-1'),
    signingKey('rotation-2'),
    signingKey('never-published'),
  ];
  let idp: RunningIdp;
  let catalog: RunningService;

  beforeAll(async () => {
    idp = await startIdp({ keys: [first], clientSecret: secret });
    catalog = await startService('catalog', 4112, {
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_ISSUER: idp.issuer,
      AUTH_JWKS_COOLDOWN_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await catalog?.stop();
    await idp?.stop();
  });

  const campaigns = (token: string) =>
    fetch(`${catalog.url}/review-campaigns`, { headers: { authorization: `Bearer ${token}` } });
  const kidOf = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;

  it('accepts the provider’s JWT access tokens, with roles, agency and unit as claims', async () => {
    const admin = await idpToken(idp.tokenUrl, 'demo-admin', secret);
    expect(kidOf(admin)).toBe('rotation-1');
    expect(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString())).toMatchObject({
      iss: idp.issuer,
      aud: 'motcua',
      roles: ['admin'],
      sub: 'demo-admin',
    });
    expect((await campaigns(admin)).status).toBe(200);
    const desk = await idpToken(idp.tokenUrl, 'demo-desk-h26', secret);
    expect(JSON.parse(Buffer.from(desk.split('.')[1], 'base64url').toString())).toMatchObject({
      roles: ['desk_officer'],
      agency: '000.00.15.H26',
      unit: 'VP.MC',
    });
    expect((await campaigns(desk)).status).toBe(403);
    await expect(idpToken(idp.tokenUrl, 'demo-admin', 'a-wrong-secret')).rejects.toThrow(
      /invalid_client/,
    );
  });

  it('follows a key rotation: a token signed with the new key is accepted after the JWKS refresh', async () => {
    const before = await idpToken(idp.tokenUrl, 'demo-admin', secret);
    await idp.stop();
    idp = await startIdp({
      keys: [second, first],
      clientSecret: secret,
      port: Number(new URL(idp.issuer).port),
    });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the service's JWKS refetch cooldown
    const rotated = await idpToken(idp.tokenUrl, 'demo-admin', secret);
    expect(kidOf(rotated)).toBe('rotation-2');
    expect((await campaigns(rotated)).status).toBe(200);
    expect((await campaigns(before)).status).toBe(200);
  });

  it('refuses a token with the provider’s issuer signed by a key it never published', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: unknown.kid, typ: 'at+jwt' })
      .setSubject('demo-admin')
      .setIssuer(idp.issuer)
      .setAudience('motcua')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(await importJWK(unknown, 'ES256'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await campaigns(forged);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).detail).toBe(
      'token rejected: no applicable key found in the JSON Web Key Set',
    );
  });
});
