import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { toLocalDate } from '@motcua/calendar';

type FeedbackData = {
  feedbackId: string;
  feedbackCode: string;
  agencyCode: string;
  occurredAt: string;
} & Record<string, unknown>;
type Value = string | boolean | null;

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
      return {
        answered_at: d.occurredAt,
        answer_by: d.answerBy as string,
        answered_on_time: Date.parse(d.occurredAt) <= Date.parse(d.answerBy as string),
      };
    case 'motcua.feedback.answer-approved.v1':
      return { publish_by: d.publishBy as string };
    case 'motcua.feedback.published.v1':
      return {
        published_at: d.occurredAt,
        publish_by: d.publishBy as string,
        published_on_time: Date.parse(d.occurredAt) <= Date.parse(d.publishBy as string),
      };
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
    const d = event.data;
    if (event.type === 'motcua.feedback.linked.v1') return this.link(generation, event, tx);
    await tx.$executeRawUnsafe(
      `INSERT INTO feedback_fact (generation, feedback_id, feedback_code, agency_code, last_event_at)
       VALUES ($1, $2::uuid, $3, $4, $5::timestamptz)
       ON CONFLICT (generation, feedback_id) DO UPDATE SET agency_code = EXCLUDED.agency_code,
         last_event_at = GREATEST(EXCLUDED.last_event_at, feedback_fact.last_event_at)`,
      generation,
      d.feedbackId,
      d.feedbackCode,
      d.agencyCode,
      d.occurredAt,
    );
    const entries = Object.entries(feedbackChange(event));
    if (entries.length === 0) return;
    const values: unknown[] = [generation, d.feedbackId];
    const assignments = entries.map(([column, value]) => {
      values.push(value);
      return FIRST_ONLY.has(column)
        ? `${column} = COALESCE(${column}, $${values.length})`
        : `${column} = $${values.length}`;
    });
    await tx.$executeRawUnsafe(
      `UPDATE feedback_fact SET ${assignments.join(', ')} WHERE generation = $1 AND feedback_id = $2::uuid`,
      ...values,
    );
  }

  /** A feedback item about a dossier: the latest link wins (verification of a conduct complaint concludes later). */
  private async link(
    generation: number,
    event: CloudEvent<FeedbackData>,
    tx: ReportingTx,
  ): Promise<void> {
    const d = event.data;
    await tx.$executeRawUnsafe(
      `INSERT INTO dossier_feedback_link (generation, feedback_id, dossier_id, agency_code, conduct, verification, repeat_of, last_event_at)
       VALUES ($1, $2::uuid, $3::uuid, $4, $5, $6, $7::uuid, $8::timestamptz)
       ON CONFLICT (generation, feedback_id) DO UPDATE SET dossier_id = EXCLUDED.dossier_id, agency_code = EXCLUDED.agency_code,
         conduct = EXCLUDED.conduct, verification = EXCLUDED.verification, repeat_of = EXCLUDED.repeat_of, last_event_at = EXCLUDED.last_event_at
       WHERE dossier_feedback_link.last_event_at <= EXCLUDED.last_event_at`,
      generation,
      d.feedbackId,
      d.dossierId,
      d.agencyCode,
      d.conduct,
      d.verification,
      d.repeatOf ?? null,
      d.occurredAt,
    );
  }
}
