import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const token = await mintDevToken(root, { subject: 'officer-1', roles: ['desk_officer'], unit: 'VP.MC' });
    const first = await verifier.verify(token);
    expect(first).toEqual({ subject: 'officer-1', roles: ['desk_officer'], unit: 'VP.MC', agency: undefined, name: undefined });
    await expect(verifier.verify(token)).resolves.toEqual(first);
  });

  it('refuses a token once it expires, even after it was verified before', async () => {
    const token = await mintDevToken(root, { subject: 'officer-2', roles: ['desk_officer'], expiresIn: '2s' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'officer-2' });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
  });

  it('refuses a token whose claims were changed after signing, while the original is remembered', async () => {
    const token = await mintDevToken(root, { subject: 'citizen-1', roles: ['citizen'] });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join('.');
    await expect(verifier.verify(forged)).rejects.toThrow(/signature/);
  });
});
