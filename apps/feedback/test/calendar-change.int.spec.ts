import { calendarVersion } from '@motcua/calendar';
import { randomAgencyCode } from '@motcua/testing';
import { FeedbackHarness, regulationFeedback } from './support/feedback-harness';

const OLD_VERSION = 'vn-cal-1-before-culture-day';
const at = (local: string) => new Date(`${local}+07:00`);

/**
 * After the calendar gained 24/11/2026 (Culture Day), an admin re-derives the time limits of open
 * feedback items as for dossiers: listed first (dry run), then moved with an event each.
 */
describe('feedback time limits after a calendar change (real database and broker)', () => {
  const h = new FeedbackHarness();
  // An agency of its own, so the run touches only this test's items.
  const agency = randomAgencyCode();

  beforeAll(async () => {
    await h.start(4409);
    await h.listen();
  });
  afterAll(() => h.stop());

  const rederive = (body: unknown, role: 'admin' | 'leader' = 'admin') =>
    h.request('POST', '/admin/calendar-change/rederive', body, { role });

  it('lists, then moves, an item received 20/11/2026 whose limits counted 24/11 as a working day', async () => {
    const submitted = await h.submit(regulationFeedback());
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.id;
    // Dated by the calendar that did not know 24/11 (QĐ 29/2026 limits: 2 / 5 / 15 working days).
    await h.db.query(
      `UPDATE feedback SET agency_code = $2, received_at = $3, policy_id = 'qd29-2026-nd20-2008',
         classify_by = $4, first_info_request_by = $5, answer_by = $6, current_deadline = $4,
         calendar_version = $7 WHERE id = $1`,
      [
        id,
        agency,
        at('2026-11-20T09:00:00'),
        at('2026-11-24T17:00:00'),
        at('2026-11-27T17:00:00'),
        at('2026-12-11T17:00:00'),
        OLD_VERSION,
      ],
    );

    expect((await rederive({ dryRun: true, agencyCode: agency }, 'leader')).status).toBe(403);
    const empty = await rederive({});
    expect(empty.status).toBe(400);
    expect(empty.contentType).toContain('application/problem+json');
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);

    const dry = await rederive({ dryRun: true, agencyCode: agency });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ calendarVersion, dryRun: true, examined: 1 });
    expect(dry.body.moved).toEqual([
      expect.objectContaining({
        feedbackId: id,
        previousDueDates: expect.objectContaining({
          classifyBy: '2026-11-24',
          answerBy: '2026-12-11',
        }),
        dueDates: expect.objectContaining({
          classifyBy: '2026-11-25',
          firstInfoRequestBy: '2026-11-30',
          answerBy: '2026-12-14',
        }),
        daysOffInPeriod: ['2026-11-24'],
      }),
    ]);
    const untouched = await h.db.query(
      'SELECT classify_by, calendar_version FROM feedback WHERE id = $1',
      [id],
    );
    expect(untouched.rows[0]).toEqual({
      classify_by: at('2026-11-24T17:00:00'),
      calendar_version: OLD_VERSION,
    });

    const applied = await rederive({ dryRun: false, agencyCode: agency });
    expect(applied.status).toBe(200);
    expect(applied.body.moved.map((m: { feedbackId: string }) => m.feedbackId)).toEqual([id]);
    expect(applied.body.failed).toEqual([]);
    const row = await h.db.query(
      `SELECT classify_by, first_info_request_by, answer_by, current_stage, current_deadline, calendar_version
         FROM feedback WHERE id = $1`,
      [id],
    );
    expect(row.rows[0]).toEqual({
      classify_by: at('2026-11-25T17:00:00'),
      first_info_request_by: at('2026-11-30T17:00:00'),
      answer_by: at('2026-12-14T17:00:00'),
      current_stage: 'classify',
      current_deadline: at('2026-11-25T17:00:00'),
      calendar_version: calendarVersion,
    });
    const event = await h.waitForEvent(id, 'motcua.feedback.deadlines-rederived.v1');
    expect(event.data).toMatchObject({
      feedbackId: id,
      agencyCode: agency,
      dueDates: {
        classifyBy: at('2026-11-25T17:00:00').toISOString(),
        answerBy: at('2026-12-14T17:00:00').toISOString(),
      },
      previousDueDates: { classifyBy: at('2026-11-24T17:00:00').toISOString() },
      calendarVersion,
      previousCalendarVersion: OLD_VERSION,
      daysOffInPeriod: ['2026-11-24'],
    });
    expect(
      await h.count(
        `SELECT count(*) AS n FROM feedback_action_log WHERE feedback_id = $1 AND action = 'rederive-deadlines'`,
        [id],
      ),
    ).toBe(1);

    const again = await rederive({ dryRun: false, agencyCode: agency });
    expect(again.body).toMatchObject({ examined: 0, moved: [] });
  });
});
