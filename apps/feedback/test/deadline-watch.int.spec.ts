import { waitFor } from '@motcua/testing';
import { FeedbackHarness, regulationFeedback } from './support/feedback-harness';

/** Two instances watch the same database: each due-soon and overdue is announced once. */
describe('deadline watch (due soon, overdue) with two instances and a restart', () => {
  const a = new FeedbackHarness();
  const b = new FeedbackHarness();

  beforeAll(async () => {
    await a.start(4405, { FEEDBACK_DEADLINE_INTERVAL_MS: '250' });
    await b.start(4406, { FEEDBACK_DEADLINE_INTERVAL_MS: '250' });
    await a.listen();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

  it('announces an overdue classification once, then the answer stage separately', async () => {
    const logged = await a.request(
      'POST',
      '/feedback',
      { ...regulationFeedback(), channel: 'written' },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    const id = logged.body.id as string;
    // Time passes: the 2-working-day classification limit ended an hour ago.
    await a.db.query(
      `UPDATE feedback SET current_deadline = now() - interval '1 hour', classify_by = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    const overdue = await a.waitForEvent(id, 'motcua.feedback.overdue.v1');
    expect(overdue.data).toMatchObject({
      deadline: { stage: 'classify', responsibleUnitCode: 'VP.KSTT' },
    });
    await settle();
    expect(a.eventsOf(id, 'motcua.feedback.overdue.v1')).toHaveLength(1);
    expect(
      await a.count(`SELECT count(*) AS n FROM feedback_deadline_notice WHERE feedback_id = $1`, [
        id,
      ]),
    ).toBe(1);

    await a.action(id, 'classify', { category: 'within_authority' }, 'desk_officer');
    await a.action(id, 'assign', { unitCode: 'P.QLG' }, 'leader');
    await a.db.query(
      `UPDATE feedback SET current_deadline = now() + interval '30 minutes' WHERE id = $1`,
      [id],
    );
    const soon = await a.waitForEvent(id, 'motcua.feedback.due-soon.v1');
    expect(soon.data).toMatchObject({
      deadline: { stage: 'answer', responsibleUnitCode: 'P.QLG' },
    });
    expect(soon.data.workingHoursLeft).toBeGreaterThanOrEqual(0);
    expect(soon.data.workingHoursLeft).toBeLessThanOrEqual(0.5);
    await a.db.query(
      `UPDATE feedback SET current_deadline = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    await waitFor('answer overdue', async () =>
      a
        .eventsOf(id, 'motcua.feedback.overdue.v1')
        .find((e) => (e.data.deadline as { stage: string }).stage === 'answer'),
    );
    await settle();
    const stages = a
      .eventsOf(id)
      .filter((e) => /due-soon|overdue/.test(e.type))
      .map((e) => `${e.type}:${(e.data.deadline as { stage: string }).stage}`);
    expect(stages.sort()).toEqual([
      'motcua.feedback.due-soon.v1:answer',
      'motcua.feedback.overdue.v1:answer',
      'motcua.feedback.overdue.v1:classify',
    ]);

    // A restarted instance runs the watch at start: nothing is announced again.
    await b.service.stop();
    await b.db.end();
    await b.start(4406, { FEEDBACK_DEADLINE_INTERVAL_MS: '250' });
    await settle();
    expect(a.eventsOf(id).filter((e) => /due-soon|overdue/.test(e.type))).toHaveLength(3);
    expect(
      await a.count(`SELECT count(*) AS n FROM feedback_deadline_notice WHERE feedback_id = $1`, [
        id,
      ]),
    ).toBe(3);
  }, 120_000);

  it('lists overdue items for officers', async () => {
    const logged = await a.request(
      'POST',
      '/feedback',
      { ...regulationFeedback(), channel: 'written' },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    await a.db.query(
      `UPDATE feedback SET current_deadline = now() - interval '1 hour' WHERE id = $1`,
      [logged.body.id],
    );
    const list = await a.request('GET', '/feedback?overdue=true&limit=100', undefined, {
      role: 'leader',
      unit: 'BGD',
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(logged.body.id);
    expect(
      list.body.items.every(
        (i: { currentDeadline: { overdue: boolean } }) => i.currentDeadline.overdue,
      ),
    ).toBe(true);
  });
});
