import { mintTestToken, signTestToken, startService, type RunningService } from '@motcua/testing';

type Problem = { status: number; detail: string };

/** The token rules, as a caller meets them at a real service: 401 problems naming the rule. */
describe('tokens at a service', () => {
  let catalog: RunningService;

  beforeAll(async () => {
    catalog = await startService('catalog', 4111);
  });
  afterAll(async () => {
    await catalog?.stop();
  });

  const reviewCampaigns = (token: string) =>
    fetch(`${catalog.url}/review-campaigns`, { headers: { authorization: `Bearer ${token}` } });

  it('refuses a correctly signed token without exp with a 401 problem naming the rule', async () => {
    const now = Math.floor(Date.now() / 1000);
    const response = await reviewCampaigns(
      await signTestToken({ sub: 'admin-no-exp', roles: ['admin'], iat: now }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as Problem).detail).toBe(
      'token has no expiry (exp): every token must expire',
    );
  });

  it('refuses a token issued more than the clock skew in the future, and accepts the same claims issued now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await reviewCampaigns(
      await signTestToken({
        sub: 'admin-future',
        roles: ['admin'],
        iat: now + 120,
        exp: now + 600,
      }),
    );
    expect(future.status).toBe(401);
    expect(((await future.json()) as Problem).detail).toMatch(
      /^token issued in the future \(iat\)/,
    );
    const valid = await reviewCampaigns(
      await signTestToken({ sub: 'admin-now', roles: ['admin'], iat: now, exp: now + 600 }),
    );
    expect(valid.status).toBe(200);
    const minted = await reviewCampaigns(
      await mintTestToken({ subject: 'admin-minted', roles: ['admin'] }),
    );
    expect(minted.status).toBe(200);
  });
});
