import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK, type KeyLike } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys, mintDevToken } from './dev-keys';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-auth-'));
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const { jwksUrl } = await ensureDevKeys(root);
    verifier = new TokenVerifier({ jwksUrl, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('turns a valid token into a principal, the same on a repeated request', async () => {
    const token = await mintDevToken(root, {
      subject: 'officer-1',
      roles: ['desk_officer'],
      unit: 'VP.MC',
    });
    const first = await verifier.verify(token);
    expect(first).toEqual({
      subject: 'officer-1',
      roles: ['desk_officer'],
      unit: 'VP.MC',
      agency: undefined,
      name: undefined,
    });
    await expect(verifier.verify(token)).resolves.toEqual(first);
  });

  it('refuses a token once it expires (beyond the clock skew), even after it was verified before', async () => {
    let clock = new Date();
    const timed = new TokenVerifier({
      jwksUrl: (await ensureDevKeys(root)).jwksUrl,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      now: () => clock,
    });
    const token = await mintDevToken(root, {
      subject: 'officer-2',
      roles: ['desk_officer'],
      expiresIn: '2s',
    });
    await expect(timed.verify(token)).resolves.toMatchObject({ subject: 'officer-2' });
    clock = new Date(clock.getTime() + 63_000);
    await expect(timed.verify(token)).rejects.toThrow(/"exp" claim timestamp check failed/);
  });

  it('refuses a token whose claims were changed after signing, while the original is remembered', async () => {
    const token = await mintDevToken(root, { subject: 'citizen-1', roles: ['citizen'] });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'),
      signature,
    ].join('.');
    await expect(verifier.verify(forged)).rejects.toThrow(/signature/);
  });
});

describe('TokenVerifier time rules (clock skew 60 s)', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-auth-time-'));
  const now = new Date('2026-12-03T08:00:00Z');
  const nowSeconds = now.getTime() / 1000;
  let verifier: TokenVerifier;
  let key: KeyLike;

  /** A token correctly signed by the trusted key, with exactly the time claims given. */
  async function signed(times: { exp?: number; iat?: number; nbf?: number }): Promise<string> {
    const jwt = new SignJWT({ roles: ['desk_officer'], ...times })
      .setProtectedHeader({ alg: 'ES256', kid: 'motcua-dev-1' })
      .setSubject(`officer-${Math.random()}`)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE);
    return jwt.sign(key);
  }

  beforeAll(async () => {
    const paths = await ensureDevKeys(root);
    key = (await importJWK(
      JSON.parse(readFileSync(paths.privateKeyFile, 'utf8')) as JWK,
      'ES256',
    )) as KeyLike;
    verifier = new TokenVerifier({
      jwksUrl: paths.jwksUrl,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      clockSkewSeconds: 60,
      now: () => now,
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a correctly signed token without exp, naming the rule', async () => {
    await expect(verifier.verify(await signed({ iat: nowSeconds }))).rejects.toThrow(
      'token has no expiry (exp): every token must expire',
    );
  });

  it('accepts a token that expired 59 s ago and refuses one that expired 60 s ago', async () => {
    await expect(verifier.verify(await signed({ exp: nowSeconds - 59 }))).resolves.toMatchObject({
      roles: ['desk_officer'],
    });
    await expect(verifier.verify(await signed({ exp: nowSeconds - 60 }))).rejects.toThrow(
      /"exp" claim timestamp check failed/,
    );
  });

  it('accepts iat up to 60 s ahead of this clock and refuses 61 s ahead, naming the rule', async () => {
    await expect(
      verifier.verify(await signed({ exp: nowSeconds + 600, iat: nowSeconds + 60 })),
    ).resolves.toMatchObject({ roles: ['desk_officer'] });
    await expect(
      verifier.verify(await signed({ exp: nowSeconds + 600, iat: nowSeconds + 61 })),
    ).rejects.toThrow('token issued in the future (iat): more than 60 s ahead of this server');
  });

  it('accepts nbf up to 60 s ahead and refuses 61 s ahead', async () => {
    await expect(
      verifier.verify(await signed({ exp: nowSeconds + 600, nbf: nowSeconds + 60 })),
    ).resolves.toBeDefined();
    await expect(
      verifier.verify(await signed({ exp: nowSeconds + 600, nbf: nowSeconds + 61 })),
    ).rejects.toThrow(/"nbf" claim timestamp check failed/);
  });

  it('takes the skew from its options: with 0 s a token expired 1 s ago is refused', async () => {
    const strict = new TokenVerifier({
      jwksUrl: (await ensureDevKeys(root)).jwksUrl,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      clockSkewSeconds: 0,
      now: () => now,
    });
    await expect(strict.verify(await signed({ exp: nowSeconds - 1 }))).rejects.toThrow(
      /"exp" claim timestamp check failed/,
    );
    await expect(strict.verify(await signed({ exp: nowSeconds + 1 }))).resolves.toBeDefined();
  });
});
