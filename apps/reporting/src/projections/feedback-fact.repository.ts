import type { ReportingTx } from '../reporting.database';

export type FeedbackData = {
  feedbackId: string;
  feedbackCode: string;
  agencyCode: string;
  occurredAt: string;
} & Record<string, unknown>;
export type Value = string | boolean | null;

/**
 * One feedback item's row of feedback_fact: created on its first event, then the columns `changes`
 * sets (those in `firstOnly` keep their first value).
 */
export async function writeFeedbackFact(
  tx: ReportingTx,
  generation: number,
  d: FeedbackData,
  changes: Record<string, Value>,
  firstOnly: ReadonlySet<string>,
): Promise<void> {
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
  const entries = Object.entries(changes);
  if (entries.length === 0) return;
  const values: unknown[] = [generation, d.feedbackId];
  const assignments = entries.map(([column, value]) => {
    values.push(value);
    return firstOnly.has(column)
      ? `${column} = COALESCE(${column}, $${values.length})`
      : `${column} = $${values.length}`;
  });
  await tx.$executeRawUnsafe(
    `UPDATE feedback_fact SET ${assignments.join(', ')} WHERE generation = $1 AND feedback_id = $2::uuid`,
    ...values,
  );
}

/** A feedback item about a dossier: the latest link wins (verification of a conduct complaint concludes later). */
export async function linkFeedback(
  tx: ReportingTx,
  generation: number,
  d: FeedbackData,
): Promise<void> {
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
