import { actionDoc, type ActionDoc } from '@motcua/http';
import { feedbackCategory } from '@motcua/contracts';
import {
  FEEDBACK_ACTION_TABLE,
  classifyTarget,
  type FeedbackAction,
} from '../feedback/feedback-actions.table';

/** What each action is (docs/feedback.md); its rules come from the workflow table. */
const SUMMARIES: Record<FeedbackAction, string> = {
  classify: 'Classify the feedback (phân loại); not_accepted needs a reason',
  forward: 'Forward to the competent agency (chuyển cơ quan có thẩm quyền)',
  assign: 'Assign to a handling unit (giao đơn vị xử lý)',
  'request-info': 'Ask the submitter for more information',
  'info-received': 'Record the information received',
  answer: 'Draft the answer',
  'return-answer': 'The leader returns the draft answer',
  approve: 'The leader approves the answer',
  publish: 'Publish the answer',
};

const NOTES: Partial<Record<FeedbackAction, string>> = {
  classify: `Status after, by category: ${feedbackCategory.options
    .map((category) => `${category} → ${classifyTarget(category)}`)
    .join('; ')}.`,
};

/** One valid body per action (the OpenAPI test checks each against ACTION_BODIES). */
const EXAMPLES: Record<FeedbackAction, unknown> = {
  classify: { category: 'within_authority' },
  forward: { agencyName: 'Sở Tư pháp', agencyCode: '000.00.15.H26' },
  assign: { unitCode: 'P.TP' },
  'request-info': { reason: 'Đề nghị cung cấp số hồ sơ liên quan' },
  'info-received': { note: 'Đã nhận thông tin bổ sung' },
  answer: { answer: 'Nội dung trả lời phản ánh' },
  'return-answer': { reason: 'Cần bổ sung căn cứ pháp lý' },
  approve: {},
  publish: {},
};

/** The OpenAPI operation of each action of POST /feedback/{id}/actions/{action} (ADR 0024). */
export function describeFeedbackAction(action: string): ActionDoc {
  const name = action as FeedbackAction;
  return actionDoc(SUMMARIES[name], FEEDBACK_ACTION_TABLE[name], {
    notes: NOTES[name],
    example: EXAMPLES[name],
  });
}
