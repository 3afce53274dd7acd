import type { Role } from '@motcua/auth';
import type { FeedbackStatus } from './feedback-status';

/** Every officer action on a logged feedback item (intake is POST /feedback; rating is public). */
export const FEEDBACK_ACTIONS = [
  'classify', // phân loại: not accepted / conduct / within / outside authority
  'forward', // chuyển cơ quan có thẩm quyền
  'assign', // giao đơn vị xử lý
  'request-info', // đề nghị bổ sung thông tin
  'info-received', // nhận thông tin bổ sung
  'answer', // dự thảo trả lời (đã xử lý)
  'return-answer', // lãnh đạo trả lại dự thảo
  'approve', // lãnh đạo phê duyệt
  'publish', // công khai kết quả trả lời
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export type ActionRule = {
  from: readonly FeedbackStatus[];
  roles: readonly Role[];
  /** Status after the action; for classify it depends on the category (see classifyTarget). */
  to: FeedbackStatus | 'by-category';
};

const OFFICERS: readonly Role[] = ['desk_officer', 'specialist', 'leader'];
const HANDLERS: readonly Role[] = ['specialist', 'leader'];

/** THE table of the workflow: which action is allowed in which status, for which role. */
export const FEEDBACK_ACTION_TABLE: Record<FeedbackAction, ActionRule> = {
  classify: { from: ['received'], roles: OFFICERS, to: 'by-category' },
  forward: { from: ['to_forward'], roles: OFFICERS, to: 'forwarded' },
  assign: { from: ['accepted', 'assigned'], roles: ['leader'], to: 'assigned' },
  'request-info': { from: ['assigned'], roles: HANDLERS, to: 'info_requested' },
  'info-received': { from: ['info_requested'], roles: OFFICERS, to: 'assigned' },
  answer: { from: ['assigned'], roles: HANDLERS, to: 'answered' },
  'return-answer': { from: ['answered'], roles: ['leader'], to: 'assigned' },
  approve: { from: ['answered'], roles: ['leader'], to: 'approved' },
  publish: { from: ['approved'], roles: OFFICERS, to: 'published' },
};

export function isFeedbackAction(value: string): value is FeedbackAction {
  return (FEEDBACK_ACTIONS as readonly string[]).includes(value);
}

export function mayPerform(action: FeedbackAction, roles: readonly Role[]): boolean {
  return FEEDBACK_ACTION_TABLE[action].roles.some((role) => roles.includes(role));
}

/** The actions the caller may perform now, in the table's order. */
export function allowedActions(status: FeedbackStatus, roles: readonly Role[]): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter(
    (action) => FEEDBACK_ACTION_TABLE[action].from.includes(status) && mayPerform(action, roles),
  );
}

/** Status after classification. */
export function classifyTarget(
  category: 'not_accepted' | 'conduct' | 'within_authority' | 'outside_authority',
): FeedbackStatus {
  switch (category) {
    case 'not_accepted':
      return 'refused';
    case 'outside_authority':
      return 'to_forward';
    case 'conduct':
    case 'within_authority':
      return 'accepted';
  }
}

export function statusAfter(
  action: FeedbackAction,
  category?: Parameters<typeof classifyTarget>[0],
): FeedbackStatus {
  const to = FEEDBACK_ACTION_TABLE[action].to;
  if (to !== 'by-category') return to;
  if (!category) throw new Error('classify needs a category');
  return classifyTarget(category);
}
