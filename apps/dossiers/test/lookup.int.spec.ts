import Redis from 'ioredis';
import { testEnv } from '@motcua/testing';
import { DossiersHarness, intakeBody, testProcedure } from './support/dossiers-harness';

/** GET /public/dossiers/:code: the applicant's lookup with the secret from the receipt slip. */
describe('public lookup', () => {
  const h = new DossiersHarness();

  beforeAll(async () => {
    // A fresh window: earlier runs within the same minute share the counters of this IP.
    const redis = new Redis(testEnv.redisUrl());
    const keys = await redis.keys('dossiers:lookup-rate:*');
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await h.start(4305, { LOOKUP_RATE_PER_MINUTE: '6' });
  });
  afterAll(() => h.stop());

  it('shows status history and dates without personal data, only with the right secret, and rate-limits per IP', async () => {
    const procedure = await h.addProcedure(testProcedure());
    const { dossier } = (await h.intake(intakeBody(procedure))).body;
    const found = await h.request(
      'GET',
      `/public/dossiers/${dossier.code}?secret=${dossier.lookupSecret}`,
    );
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      code: dossier.code,
      portalStatus: 2,
      appointmentDate: dossier.appointmentDate,
    });
    expect(found.body.history).toEqual([
      expect.objectContaining({ action: 'intake', portalStatus: 2 }),
    ]);
    const text = JSON.stringify(found.body);
    for (const personal of ['001099012345', 'Nguyễn Văn An', 'Hùng Vương', 'desk_officer'])
      expect(text).not.toContain(personal);

    const wrong = await h.request('GET', `/public/dossiers/${dossier.code}?secret=not-the-secret`);
    expect(wrong.status).toBe(404);
    expect(wrong.contentType).toContain('application/problem+json');
    const malformed = await h.request('GET', `/public/dossiers/not-a-code?secret=whatever1`);
    expect(malformed.status).toBe(400);

    // Up to 14 tries: with a limit of 6 per minute, a 429 comes even if a minute boundary falls in between.
    let limited: Awaited<ReturnType<typeof h.request>> | undefined;
    for (let i = 0; i < 14 && !limited; i++) {
      const response = await h.request(
        'GET',
        `/public/dossiers/${dossier.code}?secret=${dossier.lookupSecret}`,
      );
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(200);
    }
    expect(limited?.contentType).toContain('application/problem+json');
    expect(limited?.body.retryAfter).toBeGreaterThan(0);
  });
});
