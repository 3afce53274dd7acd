import { FeedbackHarness, randomIp, regulationFeedback, unique } from './support/feedback-harness';

describe('public intake: validation, merging, rate limit, text only', () => {
  const h = new FeedbackHarness();

  beforeAll(async () => {
    await h.start(4403);
  });

  afterAll(async () => {
    await h.stop();
  });

  it('names each bad field with 400 problem+json, and saves nothing', async () => {
    const title = unique('Quá dài');
    const reply = await h.submit(
      regulationFeedback({
        title,
        content: 'x'.repeat(5001),
        attachments: [{ documentId: 'not-an-id' }],
        extra: 1,
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.contentType).toContain('application/problem+json');
    const fields = (reply.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['content', 'attachments.0.documentId', '(root)']),
    );
    expect(await h.count('SELECT count(*) AS n FROM feedback WHERE title = $1', [title])).toBe(0);
  });

  it('wants a contact or an explicit anonymous flag, and no contact when anonymous', async () => {
    const none = await h.submit(regulationFeedback({ contact: undefined }));
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'contact' })]);
    const both = await h.submit(regulationFeedback({ anonymous: true }));
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      expect.objectContaining({ field: 'contact', message: expect.stringContaining('anonymous') }),
    ]);
    const anonymous = await h.submit(regulationFeedback({ anonymous: true, contact: undefined }));
    expect(anonymous.status).toBe(201);
    const officer = await h.request('GET', `/feedback/${anonymous.body.id}`, undefined, {
      role: 'desk_officer',
      unit: 'VP.KSTT',
    });
    expect(officer.body).toMatchObject({ anonymous: true, contact: null });
  });

  it('stores HTML as text and returns it as JSON text, unchanged', async () => {
    const content = '<script>alert("x")</script><img src=x onerror=alert(1)> Đề nghị & kiến nghị';
    const reply = await h.submit(regulationFeedback({ content }));
    expect(reply.status).toBe(201);
    const officer = await h.request('GET', `/feedback/${reply.body.id}`, undefined, {
      role: 'desk_officer',
      unit: 'VP.KSTT',
    });
    expect(officer.contentType).toContain('application/json');
    expect(officer.body.content).toBe(content);
  });

  it('merges the same sender’s same content within the window (200, merged: true)', async () => {
    const body = regulationFeedback();
    const first = await h.submit(body);
    expect(first.status).toBe(201);
    // Same phone written differently, same content with other case and spacing: still the same.
    const phone = (body.contact as { phone: string }).phone;
    const again = await h.submit({
      ...body,
      contact: { phone: `+84 ${phone.slice(1)}` },
      content: `  ${body.content.toUpperCase()} `,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ merged: true, id: first.body.id, code: first.body.code });
    expect(again.body.trackingToken).toBeUndefined();
    const other = await h.submit({ ...body, content: 'Một nội dung khác hẳn.' });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await h.count('SELECT count(*) AS n FROM feedback WHERE title = $1', [body.title])).toBe(
      2,
    );
  });

  it('merges anonymous copies from the same client, and concurrent copies store one item', async () => {
    const ip = randomIp();
    const body = regulationFeedback({ anonymous: true, contact: undefined });
    const replies = await Promise.all(
      [1, 2, 3].map(() => h.submit(body, { 'x-forwarded-for': ip })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await h.count('SELECT count(*) AS n FROM feedback WHERE title = $1', [body.title])).toBe(
      1,
    );
  });

  it('rate-limits public submissions per client: 429 problem+json', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    let limited:
      | { status: number; contentType: string; body: { retryAfter?: number; type?: string } }
      | undefined;
    for (let i = 0; i < 12 && !limited; i += 1) {
      const reply = await h.submit(regulationFeedback(), { 'x-forwarded-for': ip });
      statuses.push(reply.status);
      if (reply.status === 429) limited = reply;
    }
    expect(limited).toBeDefined();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(5);
    expect(limited!.contentType).toContain('application/problem+json');
    expect(limited!.body.type).toContain('rate-limited');
    expect(limited!.body.retryAfter).toBeGreaterThan(0);
    const otherClient = await h.submit(regulationFeedback(), { 'x-forwarded-for': randomIp() });
    expect(otherClient.status).toBe(201);
  });

  it('logs desk entries (phone) without the public rate limit, and officers only', async () => {
    const body = { ...regulationFeedback(), channel: 'phone' };
    const anonymousCaller = await h.request('POST', '/feedback', body);
    expect(anonymousCaller.status).toBe(401);
    const citizen = await h.request('POST', '/feedback', body, { role: 'citizen' });
    expect(citizen.status).toBe(403);
    const desk = await h.request('POST', '/feedback', body, {
      role: 'desk_officer',
      unit: 'VP.KSTT',
    });
    expect(desk.status).toBe(201);
    expect(desk.body.feedback).toMatchObject({
      channel: 'phone',
      status: 'received',
      responsibleUnit: 'VP.KSTT',
    });
  });

  it('hides whether a code exists from a wrong tracking token', async () => {
    const reply = await h.submit(regulationFeedback());
    const wrong = await h.request('GET', `/public/feedback/${reply.body.code}`, undefined, {
      headers: { 'x-tracking-token': 'a'.repeat(32) },
    });
    expect(wrong.status).toBe(404);
    const right = await h.request('GET', `/public/feedback/${reply.body.code}`, undefined, {
      headers: { 'x-tracking-token': reply.body.trackingToken },
    });
    expect(right.body).toMatchObject({ status: 'received', mayRate: false });
    const early = await h.request(
      'POST',
      `/public/feedback/${reply.body.code}/rating`,
      { satisfaction: 'satisfied' },
      { headers: { 'x-tracking-token': reply.body.trackingToken } },
    );
    expect(early.status).toBe(409);
  });
});
