import { FeedbackHarness, regulationFeedback } from './support/feedback-harness';

/** Feedback (PAKN) belongs to the agency that received it: another agency's officers see none of it. */
describe('feedback scope', () => {
  const h = new FeedbackHarness();
  const elsewhere = { role: 'desk_officer' as const, unit: 'VP.MC', agency: '000.00.99.H99' };

  beforeAll(() => h.start(4406));
  afterAll(() => h.stop());

  it('lists, shows and acts on an item for its agency only; elsewhere 404 and an empty list, no sender data', async () => {
    const sender = { ...regulationFeedback(), channel: 'written' };
    const logged = await h.request('POST', '/feedback', sender, {
      role: 'desk_officer',
      unit: 'VP.KSTT',
    });
    expect(logged.status).toBe(201);
    const id: string = logged.body.id;

    const own = await h.request('GET', `/feedback?limit=100`, undefined, {
      role: 'desk_officer',
      unit: 'VP.KSTT',
    });
    expect(own.body.items.map((f: { id: string }) => f.id)).toContain(id);
    const listed = await h.request('GET', `/feedback?limit=100`, undefined, elsewhere);
    expect({ status: listed.status, total: listed.body.total, items: listed.body.items }).toEqual({
      status: 200,
      total: 0,
      items: [],
    });
    expect(JSON.stringify(listed.body)).not.toContain(sender.contact.phone);

    const shown = await h.request('GET', `/feedback/${id}`, undefined, elsewhere);
    expect({ status: shown.status, type: shown.body.type }).toEqual({
      status: 404,
      type: expect.stringContaining('not-found'),
    });
    const acted = await h.request(
      'POST',
      `/feedback/${id}/actions/classify`,
      { category: 'outside_authority', reason: 'Thử chéo' },
      elsewhere,
    );
    expect(acted.status).toBe(404);
    const after = await h.request('GET', `/feedback/${id}`, undefined, {
      role: 'leader',
      unit: 'VP.KSTT',
    });
    expect({
      status: after.status,
      feedback: after.body.status,
      history: after.body.history.length,
    }).toEqual({ status: 200, feedback: logged.body.status, history: 1 });
    expect((await h.request('GET', `/feedback/${id}`, undefined, { role: 'admin' })).status).toBe(
      200,
    );
  });
});
