import type { FeedbackStage } from '../policy/time-limit-policy.types';
import type { FeedbackStatus } from './feedback-status';

type Dates = { classifyBy: Date; forwardBy: Date | null; answerBy: Date; publishBy: Date | null };

/**
 * The time limit that runs in a status, watched for due-soon and overdue. An answered item waits
 * for approval: its 15-day answer limit is met, and the 2-day publication limit starts at approval.
 */
export function currentDeadline(
  status: FeedbackStatus,
  dates: Dates,
): { stage: FeedbackStage; deadline: Date } | null {
  switch (status) {
    case 'received':
      return { stage: 'classify', deadline: dates.classifyBy };
    case 'to_forward':
      return dates.forwardBy ? { stage: 'forward', deadline: dates.forwardBy } : null;
    case 'accepted':
    case 'assigned':
    case 'info_requested':
      return { stage: 'answer', deadline: dates.answerBy };
    case 'approved':
      return dates.publishBy ? { stage: 'publish', deadline: dates.publishBy } : null;
    case 'refused':
    case 'forwarded':
    case 'answered':
    case 'published':
      return null;
  }
}
