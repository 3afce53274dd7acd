/**
 * Where a feedback item is:
 * - received: logged (tiếp nhận), waiting for classification (phân loại)
 * - refused: not accepted (không tiếp nhận), closed
 * - to_forward: outside the agency's authority, to forward (chuyển) within 5 working days
 * - forwarded: sent to the competent agency, closed here
 * - accepted: within authority or about conduct, waiting for a handling unit
 * - assigned: a unit (and officer) handles it (xử lý)
 * - info_requested: more information asked from the sender
 * - answered: an answer is drafted, waiting for the leader's approval (phê duyệt)
 * - approved: approved, to publish (công khai) within 2 working days
 * - published: the answer is public; the sender may rate it
 */
export const FEEDBACK_STATUSES = [
  'received',
  'refused',
  'to_forward',
  'forwarded',
  'accepted',
  'assigned',
  'info_requested',
  'answered',
  'approved',
  'published',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
