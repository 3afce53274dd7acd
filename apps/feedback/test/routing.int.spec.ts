import { FeedbackHarness, regulationFeedback } from './support/feedback-harness';

describe('classification and routing (phân loại, chuyển, giao xử lý)', () => {
  const h = new FeedbackHarness();

  beforeAll(async () => {
    await h.start(4404);
    await h.listen();
  });

  afterAll(async () => {
    await h.stop();
  });

  const logged = async () => {
    const reply = await h.request(
      'POST',
      '/feedback',
      { ...regulationFeedback(), channel: 'written' },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  it('forwards an outside-authority item to the named agency within 5 working days of receipt', async () => {
    const id = await logged();
    const classified = await h.action(
      id,
      'classify',
      { category: 'outside_authority', reason: 'Thuộc thẩm quyền Sở Công Thương' },
      'desk_officer',
    );
    expect(classified.body).toMatchObject({
      status: 'to_forward',
      currentDeadline: { stage: 'forward' },
      allowedActions: ['forward'],
    });
    const assign = await h.action(id, 'assign', { unitCode: 'P.QLG' }, 'leader');
    expect(assign.status).toBe(409);
    expect(assign.body).toMatchObject({ currentStatus: 'to_forward', allowedActions: ['forward'] });
    const forwarded = await h.action(
      id,
      'forward',
      { agencyName: 'Sở Công Thương', agencyCode: '000.00.20.H26' },
      'desk_officer',
    );
    expect(forwarded.body).toMatchObject({
      status: 'forwarded',
      currentDeadline: null,
      forwardedTo: { agencyName: 'Sở Công Thương' },
    });
    const event = await h.waitForEvent(id, 'motcua.feedback.forwarded.v1');
    const classifiedEvent = await h.waitForEvent(id, 'motcua.feedback.classified.v1');
    expect(event.data).toMatchObject({
      toAgencyName: 'Sở Công Thương',
      toAgencyCode: '000.00.20.H26',
    });
    expect(event.data.forwardBy).toBe(classifiedEvent.data.forwardBy);
    expect(forwarded.body.dueDates.forwardBy).toBe(
      new Date(event.data.forwardBy as string).toISOString(),
    );
  });

  it('counts an item forwarded here from its latest forwarding date (portal operating rules), forwarding from receipt (Decree 20/2008 Art. 9(1)(d))', async () => {
    const forwarded = { by: 'Văn phòng Chính phủ', latestForwardedAt: '2026-11-25T10:00:00+07:00' };
    const reply = await h.request(
      'POST',
      '/feedback',
      { ...regulationFeedback(), channel: 'written', forwarded },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    expect(reply.status).toBe(201);
    // 24/11/2026 is a day off (Vietnamese Culture Day): 26/11 = 1, 27/11 = 2 ... 16/12 = 15.
    expect(reply.body.dueDates).toEqual({
      classifyBy: '2026-11-27T10:00:00.000Z',
      answerBy: '2026-12-16T10:00:00.000Z',
    });
    const future = await h.request(
      'POST',
      '/feedback',
      {
        ...regulationFeedback(),
        channel: 'written',
        forwarded: { ...forwarded, latestForwardedAt: '2099-01-01T08:00:00+07:00' },
      },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'forwarded.latestForwardedAt' }),
    ]);
  });

  it('a refusal needs its reason and closes the item', async () => {
    const id = await logged();
    const noReason = await h.action(id, 'classify', { category: 'not_accepted' }, 'specialist');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const refused = await h.action(
      id,
      'classify',
      { category: 'not_accepted', reason: 'Nội dung không thuộc phạm vi quy định hành chính' },
      'specialist',
    );
    expect(refused.body).toMatchObject({ status: 'refused', allowedActions: [] });
    expect((await h.waitForEvent(id, 'motcua.feedback.classified.v1')).data).toMatchObject({
      category: 'not_accepted',
    });
  });

  it('the action table decides: 403 for a role, 409 for a status, with allowedActions; reasons may not carry a CCCD', async () => {
    const id = await logged();
    await h.action(id, 'classify', { category: 'conduct' }, 'desk_officer');
    const deskAssign = await h.action(id, 'assign', { unitCode: 'P.TCCB' }, 'desk_officer');
    expect(deskAssign.status).toBe(403);
    expect(deskAssign.body.allowedActions).toEqual([]);
    const early = await h.action(id, 'approve', {}, 'leader');
    expect(early.status).toBe(409);
    expect(early.body.allowedActions).toEqual(['assign']);
    await h.action(id, 'assign', { unitCode: 'P.TCCB' }, 'leader');
    const withId = await h.action(
      id,
      'request-info',
      { reason: 'Xin số CCCD 001099012345 của người gửi' },
      'specialist',
      'P.TCCB',
    );
    expect(withId.status).toBe(400);
    expect(withId.body.errors[0].field).toBe('reason');
    const otherUnit = await h.action(
      id,
      'answer',
      { answer: 'Trả lời thay.' },
      'specialist',
      'P.QLG',
    );
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.type).toContain('not-your-unit');
    await h.action(id, 'answer', { answer: 'Đã nhắc nhở công chức.' }, 'specialist', 'P.TCCB');
    const returned = await h.action(
      id,
      'return-answer',
      { reason: 'Bổ sung hình thức xử lý' },
      'leader',
    );
    expect(returned.body).toMatchObject({
      status: 'assigned',
      currentDeadline: { stage: 'answer' },
    });
    const unknownAction = await h.action(id, 'delete', {}, 'leader');
    expect(unknownAction.status).toBe(400);
    const missing = await h.action(
      '00000000-0000-4000-8000-000000000000',
      'classify',
      { category: 'conduct' },
      'leader',
    );
    expect(missing.status).toBe(404);
  });

  it('publishes the question and answer with phone and CCCD numbers masked, and not searchable by them', async () => {
    const marker = `kiemtra${Date.now()}`;
    const logged = await h.request(
      'POST',
      '/feedback',
      {
        ...regulationFeedback({
          content: `Liên hệ 0912 345 678, CCCD 001099012345; lệ phí 1.450.000.000 đồng ${marker}`,
        }),
        channel: 'written',
      },
      { role: 'desk_officer', unit: 'VP.KSTT' },
    );
    const id = logged.body.id as string;
    for (const [action, body, role, unit] of [
      ['classify', { category: 'within_authority' }, 'desk_officer', 'VP.KSTT'],
      ['assign', { unitCode: 'P.QLG' }, 'leader', 'BGD'],
      ['answer', { answer: 'Đã liên hệ lại số 0912345678.' }, 'specialist', 'P.QLG'],
      ['approve', {}, 'leader', 'BGD'],
      ['publish', {}, 'desk_officer', 'VP.KSTT'],
    ] as const) {
      expect(
        (await h.request('POST', `/feedback/${id}/actions/${action}`, body, { role, unit })).status,
      ).toBe(200);
    }
    const found = await h.request('GET', `/public/feedback/answers?q=${marker}`);
    expect(found.body.items).toHaveLength(1);
    const [item] = found.body.items;
    expect(item.content).toBe(
      `Liên hệ **** *** ***, CCCD ************; lệ phí 1.450.000.000 đồng ${marker}`,
    );
    expect(item.answer).toBe('Đã liên hệ lại số **********.');
    const byNumber = await h.request('GET', `/public/feedback/answers?q=001099012345`);
    expect(byNumber.body.items.map((i: { code: string }) => i.code)).not.toContain(item.code);
    const one = await h.request('GET', `/public/feedback/answers/${item.code}`);
    expect(one.body).toMatchObject({ code: item.code, content: item.content });
    expect(one.body.contact).toBeUndefined();
  });
});
