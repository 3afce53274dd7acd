import type { Role } from '@motcua/auth';
import type { SeedClient } from '../seed-client';
import { DEMO_FEEDBACK, type DemoFeedback, type DemoTarget } from './demo-feedback';

type Step = { action: string; body: Record<string, unknown>; role: Role; after: string };
type Found = { id: string; status: string; satisfaction: string | null };

/** The actions from received to each target, with the status each one leads to. */
function pathTo(item: DemoFeedback): Step[] {
  const to = (target: DemoTarget): Step[] => {
    switch (target) {
      case 'received':
        return [];
      case 'refused':
        return [
          {
            action: 'classify',
            body: {
              category: 'not_accepted',
              reason: 'Không phải phản ánh, kiến nghị về quy định hành chính',
            },
            role: 'desk_officer',
            after: 'refused',
          },
        ];
      case 'to_forward':
        return [
          {
            action: 'classify',
            body: { category: 'outside_authority', reason: 'Thuộc thẩm quyền cơ quan khác' },
            role: 'desk_officer',
            after: 'to_forward',
          },
        ];
      case 'forwarded':
        return [
          ...to('to_forward'),
          {
            action: 'forward',
            body: { agencyName: 'Sở Tài nguyên và Môi trường' },
            role: 'desk_officer',
            after: 'forwarded',
          },
        ];
      case 'accepted':
        return [
          {
            action: 'classify',
            body: { category: item.subject.kind === 'conduct' ? 'conduct' : 'within_authority' },
            role: 'desk_officer',
            after: 'accepted',
          },
        ];
      case 'assigned':
        return [
          ...to('accepted'),
          { action: 'assign', body: { unitCode: item.unit }, role: 'leader', after: 'assigned' },
        ];
      case 'info_requested':
        return [
          ...to('assigned'),
          {
            action: 'request-info',
            body: { reason: 'Đề nghị cung cấp thêm thông tin về tài sản và thời điểm phát sinh' },
            role: 'specialist',
            after: 'info_requested',
          },
        ];
      case 'answered':
        return [
          ...to('assigned'),
          {
            action: 'answer',
            body: { answer: item.answer ?? 'Sở Tài chính đã tiếp thu và xử lý.' },
            role: 'specialist',
            after: 'answered',
          },
        ];
      case 'approved':
        return [
          ...to('answered'),
          { action: 'approve', body: {}, role: 'leader', after: 'approved' },
        ];
      case 'published':
      case 'published_rated':
        return [
          ...to('approved'),
          { action: 'publish', body: {}, role: 'desk_officer', after: 'published' },
        ];
    }
  };
  return to(item.target);
}

/**
 * Loads demo feedback through the feedback service's HTTP API (desk entry, then the workflow
 * actions), so that every event flows as in production. Idempotent: an item is found again by its
 * title and only the missing steps are performed. Run after the catalog seed: feedback about a
 * procedure waits (up to `waitMs`) until the catalog's events reached the feedback service.
 */
export async function seedFeedback(
  client: SeedClient,
  options: { baseUrl?: string; waitMs?: number } = {},
): Promise<{ created: number; existing: number; advanced: number }> {
  const baseUrl = options.baseUrl ?? `http://127.0.0.1:${process.env.FEEDBACK_PORT ?? 3103}`;
  let created = 0;
  let existing = 0;
  let advanced = 0;
  for (const item of DEMO_FEEDBACK) {
    let found = await findByTitle(client, baseUrl, item.title);
    let token: string | undefined;
    if (found) existing += 1;
    else {
      const logged = await logItem(client, item, options.waitMs ?? 60_000);
      found = { id: logged.id, status: 'received', satisfaction: null };
      token = logged.trackingToken;
      created += 1;
    }
    const path = pathTo(item);
    const done = path.findIndex((step) => step.after === found.status);
    for (const step of path.slice(done + 1)) {
      const unit =
        step.role === 'specialist' ? item.unit : step.role === 'leader' ? 'BGD' : 'VP.KSTT';
      await client.post(
        'feedback',
        `/feedback/${found.id}/actions/${step.action}`,
        step.body,
        step.role,
        unit,
      );
      advanced += 1;
    }
    if (item.target === 'published_rated' && token && !found.satisfaction) {
      await rate(baseUrl, found.id, item, token, client);
    }
  }
  return { created, existing, advanced };
}

async function findByTitle(
  client: SeedClient,
  baseUrl: string,
  title: string,
): Promise<Found | undefined> {
  const response = await fetch(`${baseUrl}/feedback?limit=5&title=${encodeURIComponent(title)}`, {
    headers: { authorization: `Bearer ${await client.token('leader', 'BGD')}` },
  });
  if (!response.ok)
    throw new Error(
      `seed: GET feedback answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  const page = (await response.json()) as { items: (Found & { title: string })[] };
  return page.items.find((i) => i.title === title);
}

/** Desk entry; 422 unknown-procedure means the catalog copy has not arrived yet: wait and retry. */
async function logItem(
  client: SeedClient,
  item: DemoFeedback,
  waitMs: number,
): Promise<{ id: string; trackingToken: string }> {
  const body = {
    channel: item.channel,
    senderType: item.senderType,
    ...(item.contact ? { contact: item.contact } : { anonymous: true }),
    subject: item.subject,
    title: item.title,
    content: item.content,
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const { body: reply } = await client.post(
        'feedback',
        '/feedback',
        body,
        'desk_officer',
        'VP.KSTT',
      );
      return reply as { id: string; trackingToken: string };
    } catch (error) {
      if (!/answered 422/.test((error as Error).message) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function rate(
  baseUrl: string,
  id: string,
  item: DemoFeedback,
  token: string,
  client: SeedClient,
): Promise<void> {
  const view = await fetch(`${baseUrl}/feedback/${id}`, {
    headers: { authorization: `Bearer ${await client.token('leader', 'BGD')}` },
  });
  const { code } = (await view.json()) as { code: string };
  const response = await fetch(`${baseUrl}/public/feedback/${code}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tracking-token': token },
    body: JSON.stringify({
      satisfaction: item.senderType === 'business' ? 'satisfied' : 'very_satisfied',
    }),
  });
  if (!response.ok && response.status !== 409)
    throw new Error(`seed: rating ${code} answered ${response.status}`);
}
