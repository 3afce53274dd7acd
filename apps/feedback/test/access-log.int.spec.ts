import { randomUUID } from 'node:crypto';
import { FeedbackHarness, regulationFeedback, unique } from './support/feedback-harness';

/** The access log of personal data in the feedback service: an item and each listed item, read by the auditor. */
describe('feedback access log', () => {
  const h = new FeedbackHarness();

  beforeAll(() => h.start(4392));
  afterAll(() => h.stop());

  it('records who read an item and who listed it (one row per item shown); a refused read is not an access', async () => {
    const title = unique('Phản ánh nhật ký');
    const logged = await h.request(
      'POST',
      '/feedback',
      { ...regulationFeedback({ title }), channel: 'written' },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    expect(logged.status).toBe(201);
    const id = logged.body.id as string;
    const reader = `leader-${randomUUID()}`;
    expect(
      (await h.request('GET', `/feedback/${id}`, undefined, { role: 'leader', subject: reader }))
        .status,
    ).toBe(200);
    const listed = await h.request(
      'GET',
      `/feedback?title=${encodeURIComponent(title)}`,
      undefined,
      {
        role: 'specialist',
        unit: 'P.QLG',
        subject: `${reader}-list`,
      },
    );
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    // Another agency's leader: 404, and no access.
    const elsewhere = await h.request('GET', `/feedback/${id}`, undefined, {
      role: 'leader',
      subject: `${reader}-elsewhere`,
      agency: '000.00.99.H99',
    });
    expect(elsewhere.status).toBe(404);
    // Only the auditor reads the log.
    expect(
      (await h.request('GET', `/access-log?objectId=${id}`, undefined, { role: 'admin' })).status,
    ).toBe(403);
    const log = await h.request('GET', `/access-log?objectId=${id}`, undefined, {
      role: 'auditor',
    });
    expect(log.status).toBe(200);
    expect(
      log.body.items.map((r: Record<string, unknown>) => ({
        actor: r.actorSubject,
        kind: r.objectKind,
        route: r.route,
      })),
    ).toEqual([
      { actor: `${reader}-list`, kind: 'feedback', route: 'GET /feedback' },
      { actor: reader, kind: 'feedback', route: 'GET /feedback/:id' },
    ]);
    // Append-only: the table refuses a change.
    await expect(
      h.db.query(`UPDATE personal_data_access SET route = 'x' WHERE object_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
  });
});
