import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { toLocalDate } from '@motcua/calendar';
import {
  linkFeedback,
  writeFeedbackFact,
  type FeedbackData,
  type Value,
} from './feedback-fact.repository';

/** An answer (or publication) at `at` and whether it came by its limit `by`. */
function doneBy(
  step: 'answered' | 'published',
  limit: 'answer_by' | 'publish_by',
  at: string,
  by: string,
): Record<string, Value> {
  return { [`${step}_at`]: at, [limit]: by, [`${step}_on_time`]: Date.parse(at) <= Date.parse(by) };
}

/** Columns one feedback event sets (a pure rule). */
export function feedbackChange(event: CloudEvent<FeedbackData>): Record<string, Value> {
  const d = event.data;
  switch (event.type) {
    case 'motcua.feedback.received.v1': {
      const due = d.dueDates as { answerBy: string };
      const receivedAt = d.receivedAt as string;
      return {
        received_at: receivedAt,
        received_on: toLocalDate(receivedAt),
        domain_code: (d.domainCode as string | undefined) ?? null,
        procedure_code: (d.procedureCode as string | undefined) ?? null,
        answer_by: due.answerBy,
      };
    }
    case 'motcua.feedback.classified.v1':
      return {
        category: d.category as string,
        ...(d.answerBy ? { answer_by: d.answerBy as string } : {}),
      };
    case 'motcua.feedback.assigned.v1':
      return { answer_by: d.answerBy as string };
    case 'motcua.feedback.answered.v1':
      return doneBy('answered', 'answer_by', d.occurredAt, d.answerBy as string);
    case 'motcua.feedback.answer-approved.v1':
      return { publish_by: d.publishBy as string };
    case 'motcua.feedback.published.v1':
      return doneBy('published', 'publish_by', d.occurredAt, d.publishBy as string);
    case 'motcua.feedback.rated.v1':
      return { satisfaction: d.satisfaction as string };
    case 'motcua.feedback.overdue.v1':
      return { overdue: true };
    case 'motcua.feedback.deadlines-rederived.v1': {
      // A calendar change moved the limits of an open item: the new dates judge it from now on.
      const due = d.dueDates as { answerBy: string; publishBy?: string };
      return { answer_by: due.answerBy, ...(due.publishBy ? { publish_by: due.publishBy } : {}) };
    }
    default:
      return {};
  }
}

/** Only the first answer and first publication count for timeliness. */
const FIRST_ONLY = new Set([
  'answered_at',
  'answered_on_time',
  'published_at',
  'published_on_time',
]);

/** Writes feedback events into feedback_fact of one generation. */
@Injectable()
export class FeedbackProjector {
  async apply(generation: number, event: CloudEvent<FeedbackData>, tx: ReportingTx): Promise<void> {
    if (event.type === 'motcua.feedback.linked.v1') return linkFeedback(tx, generation, event.data);
    await writeFeedbackFact(tx, generation, event.data, feedbackChange(event), FIRST_ONLY);
  }
}
