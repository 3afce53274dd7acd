import {
  decisionBody,
  mintTestToken,
  randomProcedureCode,
  waitFor,
  type RunningService,
} from '@motcua/testing';
import { FeedbackHarness, startPeer, unique } from './support/feedback-harness';

describe('feedback end to end: catalog → Kafka → feedback → Kafka, and the public answer', () => {
  const h = new FeedbackHarness();
  let catalog: RunningService;
  const code = randomProcedureCode();

  beforeAll(async () => {
    await h.start(4402);
    catalog = await startPeer('catalog', 4401);
    await h.listen();
    const token = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const published = await fetch(`${catalog.url}/publication-decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(decisionBody('new', code, { number: `${code.slice(-4)}/QĐ-UBND` })),
    });
    expect(published.status).toBe(201);
    await waitFor(
      `procedure ${code} in the feedback copy`,
      async () =>
        (await h.count('SELECT count(*) AS n FROM procedure_copy WHERE code = $1', [code])) === 1
          ? true
          : undefined,
      90000,
    );
  }, 150_000);

  afterAll(async () => {
    await Promise.all([h.stop(), catalog?.stop()]);
  });

  it('runs a procedure feedback through every step, with an event for each', async () => {
    const title = unique('Thời hạn thẩm định giá quá dài');
    const submitted = await h.submit({
      senderType: 'business',
      contact: { name: 'Công ty TNHH Hùng Vương', email: `${Date.now()}@hungvuong.example.vn` },
      subject: { kind: 'procedure', procedureCode: code },
      title,
      content:
        'Doanh nghiệp đề nghị rút ngắn thời hạn đăng ký giá và cho phép nộp hồ sơ hoàn toàn trực tuyến.',
      attachments: [{ documentId: '3f6b2d8e-1c4a-4e7b-9d2f-8a1b0c9d7e65' }],
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      merged: false,
      status: 'received',
      code: expect.stringMatching(/^PAKN-\d{4}-\d{6}$/),
    });
    const { id, trackingToken } = submitted.body as { id: string; trackingToken: string };
    expect(trackingToken.length).toBeGreaterThanOrEqual(32);
    const stored = await h.db.query(
      'SELECT tracking_token_hash, procedure_name, domain_code FROM feedback WHERE id = $1',
      [id],
    );
    expect(stored.rows[0].tracking_token_hash).not.toContain(trackingToken);
    expect(stored.rows[0]).toMatchObject({
      procedure_name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
      domain_code: 'QLG',
    });

    const received = await h.waitForEvent(id, 'motcua.feedback.received.v1');
    expect(received.data).toMatchObject({
      procedureCode: code,
      domainCode: 'QLG',
      channel: 'online',
      senderType: 'business',
    });
    expect(JSON.stringify(received.data)).not.toContain('Doanh nghiệp đề nghị');

    const steps: [string, unknown, 'desk_officer' | 'specialist' | 'leader', string][] = [
      ['classify', { category: 'within_authority' }, 'desk_officer', 'accepted'],
      ['assign', { unitCode: 'P.QLG' }, 'leader', 'assigned'],
      [
        'request-info',
        { reason: 'Đề nghị cung cấp số hồ sơ đã nộp.' },
        'specialist',
        'info_requested',
      ],
      ['info-received', {}, 'desk_officer', 'assigned'],
      [
        'answer',
        { answer: 'Sở Tài chính tiếp thu; thời hạn sẽ rút ngắn còn 3 ngày làm việc.' },
        'specialist',
        'answered',
      ],
      ['approve', {}, 'leader', 'approved'],
      ['publish', {}, 'desk_officer', 'published'],
    ];
    for (const [action, body, role, status] of steps) {
      const reply = await h.action(
        id,
        action,
        body,
        role,
        role === 'specialist' ? 'P.QLG' : 'VP.KSTT',
      );
      expect({ action, status: reply.status, to: reply.body.status }).toEqual({
        action,
        status: 200,
        to: status,
      });
    }
    for (const type of [
      'classified',
      'assigned',
      'info-requested',
      'answered',
      'answer-approved',
      'published',
    ]) {
      await h.waitForEvent(id, `motcua.feedback.${type}.v1`);
    }
    const assigned = h.eventsOf(id, 'motcua.feedback.assigned.v1')[0];
    expect(assigned.data).toMatchObject({ assignee: { unitCode: 'P.QLG' } });
    expect(h.eventsOf(id, 'motcua.feedback.info-requested.v1')[0].data).toMatchObject({
      firstRequest: true,
    });

    // The public reads the answer, searching without diacritics.
    const found = await h.request(
      'GET',
      `/public/feedback/answers?q=${encodeURIComponent('rut ngan thoi han')}&procedureCode=${code}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { title: string }) => i.title)).toContain(title);
    const one = found.body.items.find((i: { title: string }) => i.title === title);
    expect(one.answer).toContain('3 ngày làm việc');
    expect(JSON.stringify(one)).not.toContain('hungvuong.example.vn');
    const accented = await h.request(
      'GET',
      `/public/feedback/answers?q=${encodeURIComponent('RÚT NGẮN thời hạn')}&procedureCode=${code}`,
    );
    expect(accented.body.items.map((i: { title: string }) => i.title)).toEqual([title]);
    const byProcedure = await h.request('GET', `/public/feedback/answers?procedureCode=${code}`);
    expect(byProcedure.body.total).toBe(1);
    const notThere = await h.request(
      'GET',
      `/public/feedback/answers?q=${encodeURIComponent('khong co tu nay')}&procedureCode=${code}`,
    );
    expect(notThere.body.items).toEqual([]);

    // The submitter tracks and rates with the token, once.
    const tracking = await h.request('GET', `/public/feedback/${submitted.body.code}`, undefined, {
      headers: { 'x-tracking-token': trackingToken },
    });
    expect(tracking.body).toMatchObject({ status: 'published', mayRate: true });
    const rated = await h.request(
      'POST',
      `/public/feedback/${submitted.body.code}/rating`,
      { satisfaction: 'satisfied' },
      { headers: { 'x-tracking-token': trackingToken } },
    );
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ satisfaction: 'satisfied', mayRate: false });
    const again = await h.request(
      'POST',
      `/public/feedback/${submitted.body.code}/rating`,
      { satisfaction: 'dissatisfied' },
      { headers: { 'x-tracking-token': trackingToken } },
    );
    expect(again.status).toBe(409);
    expect((await h.waitForEvent(id, 'motcua.feedback.rated.v1')).data).toMatchObject({
      satisfaction: 'satisfied',
    });

    // The procedure's review sees it.
    const review = await h.request('GET', `/procedures/${code}/feedback`, undefined, {
      role: 'specialist',
      unit: 'P.QLG',
    });
    expect(review.status).toBe(200);
    expect(review.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(review.body.byStatus.published).toBeGreaterThanOrEqual(1);
    const history = await h.request('GET', `/feedback/${id}`, undefined, {
      role: 'leader',
      unit: 'BGD',
    });
    expect(history.body.history.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      ...steps.map(([a]) => a),
      'rate',
    ]);
  }, 180_000);

  it('refuses feedback about a procedure the catalog never published, leaving nothing behind', async () => {
    const title = unique('Thủ tục không tồn tại');
    const reply = await h.submit({
      anonymous: true,
      subject: { kind: 'procedure', procedureCode: '9.999999' },
      title,
      content: 'Nội dung.',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ field: 'subject.procedureCode' }),
    ]);
    expect(await h.count('SELECT count(*) AS n FROM feedback WHERE title = $1', [title])).toBe(0);
  });
});
