import type { Filters } from '../figures/figures.repository';
import type { Index766Inputs } from './index-766.rules';

/** The API's filters on the dossier facts `f`, as SQL conditions; their values are appended to `values`. */
export function dossierFactWhere(filters: Filters, values: unknown[]): string {
  return (['agency', 'unit', 'domain', 'procedure'] as const)
    .filter((k) => filters[k] !== undefined)
    .map(
      (k) => (
        values.push(filters[k]),
        ` AND f.${k === 'agency' ? 'agency_code' : `${k}_code`} = $${values.length}`
      ),
    )
    .join('');
}

/**
 * The Decision 766 inputs counted in SQL: the same rules as the record functions of index-766.inputs.ts
 * (the reference, unit-tested by hand), applied to a whole period in one statement per family so that a
 * province-year is not read row by row. projections.int.spec.ts checks both give the same counts.
 * Parameters: $1 generation, $2 first local day, $3 last local day, $4 start instant, $5 end instant.
 */
export function dossierCountsSql(filters: Filters, values: unknown[]): string {
  const where = dossierFactWhere(filters, values);
  return `WITH d AS (
      SELECT f.received_at, f.status, f.supplement_count, f.paused_hours, f.supplement_requested_at, f.channel, f.payment_requests,
        f.payment_requests_nonzero, f.payments_online, f.documents_digitized, f.documents_reused, f.electronic_result, f.satisfaction,
        p.online_level, COALESCE(p.has_fee, false) AS has_fee, COALESCE(f.due_date, f.legal_due_date) AS due,
        COALESCE(f.finished_at, CASE WHEN f.status = 'withdrawn' THEN f.last_event_at END) AS ended,
        f.received_at >= $4::timestamptz AND f.received_at < $5::timestamptz AS rin,
        k.dossier_id IS NOT NULL AS linked, COALESCE(s.accepted > 0, false) AS synced
      FROM dossier_fact f
      LEFT JOIN procedure_fact p ON p.generation = f.generation AND p.code = f.procedure_code AND p.version = f.procedure_version
      LEFT JOIN portal_sync_fact s ON s.generation = f.generation AND s.dossier_code = f.dossier_code
      LEFT JOIN (SELECT DISTINCT dossier_id FROM dossier_feedback_link WHERE generation = $1) k ON k.dossier_id = f.dossier_id
      WHERE f.generation = $1 AND f.received_on <= $3::date AND (f.finished_on IS NULL OR f.finished_on >= $2::date) ${where}),
    o AS (
      SELECT d.*, CASE
        WHEN received_at IS NULL OR received_at >= $5::timestamptz THEN NULL
        WHEN ended IS NOT NULL AND ended < $4::timestamptz THEN NULL
        WHEN due IS NULL THEN NULL
        WHEN supplement_count > 1 THEN false
        ELSE (CASE WHEN ended IS NOT NULL THEN ended - make_interval(secs => paused_hours * 3600)
                   WHEN status = 'supplement' AND supplement_requested_at IS NOT NULL THEN supplement_requested_at
                   ELSE $5::timestamptz - make_interval(secs => paused_hours * 3600) END) <= due
      END AS in_time FROM d)
    SELECT
      count(*) FILTER (WHERE in_time IS NOT NULL)::int AS progress_den, count(*) FILTER (WHERE in_time)::int AS progress_num,
      count(*) FILTER (WHERE rin AND online_level = 'full')::int AS online_den,
      count(*) FILTER (WHERE rin AND online_level = 'full' AND channel = 'online')::int AS online_num,
      count(*) FILTER (WHERE rin AND has_fee AND NOT (payment_requests > 0 AND payment_requests_nonzero = 0))::int AS pay_den,
      count(*) FILTER (WHERE rin AND has_fee AND NOT (payment_requests > 0 AND payment_requests_nonzero = 0) AND payments_online > 0)::int AS pay_num,
      count(*) FILTER (WHERE rin)::int AS received,
      count(*) FILTER (WHERE rin AND documents_digitized > 0 AND electronic_result IS DISTINCT FROM false)::int AS digitized,
      count(*) FILTER (WHERE rin AND documents_reused > 0)::int AS reused,
      count(*) FILTER (WHERE rin AND synced)::int AS synced,
      count(*) FILTER (WHERE rin AND (linked OR satisfaction = 'dissatisfied'))::int AS complained,
      COALESCE(bool_or(synced), false) AS any_ack
    FROM o`;
}

export function feedbackCountsSql(agency: string | undefined, values: unknown[]): string {
  const only =
    agency === undefined ? '' : (values.push(agency), ` AND f.agency_code = $${values.length}`);
  return `WITH f AS (
      SELECT f.*, f.category IS DISTINCT FROM 'outside_authority' AND f.category IS DISTINCT FROM 'not_accepted' AS in_authority,
        f.received_at IS NOT NULL AND f.received_at < $5::timestamptz AND (f.answered_at IS NULL OR f.answered_at >= $4::timestamptz) AS active,
        EXISTS (SELECT 1 FROM dossier_feedback_link k WHERE k.generation = f.generation AND k.repeat_of = f.feedback_id) AS again
      FROM feedback_fact f
      WHERE f.generation = $1 AND $2::date <= $3::date AND f.received_on <= $3::date
        AND (f.answered_at IS NULL OR f.answered_at >= $4::timestamptz) ${only}),
    h AS (SELECT * FROM f WHERE received_at >= $4::timestamptz AND received_at < $5::timestamptz AND answered_at IS NOT NULL)
    SELECT
      (SELECT count(*) FROM f WHERE in_authority AND active)::int AS ontime_den,
      (SELECT count(*) FROM f WHERE in_authority AND active AND CASE WHEN answered_at IS NOT NULL AND answered_at < $5::timestamptz
         THEN answered_on_time IS TRUE ELSE answer_by IS NOT NULL AND answer_by >= $5::timestamptz END)::int AS ontime_num,
      (SELECT count(*) FROM h)::int AS handled,
      (SELECT count(*) FROM h WHERE satisfaction IN ('dissatisfied', 'very_dissatisfied') OR answered_on_time IS FALSE OR again)::int AS handled_bad,
      (SELECT count(*) > 0 FROM f WHERE active) AS any_feedback`;
}

type DossierCounts = Record<
  | 'progress_den'
  | 'progress_num'
  | 'online_den'
  | 'online_num'
  | 'pay_den'
  | 'pay_num'
  | 'received'
  | 'digitized'
  | 'reused'
  | 'synced'
  | 'complained',
  number
> & { any_ack: boolean };
type FeedbackCounts = Record<'ontime_den' | 'ontime_num' | 'handled' | 'handled_bad', number> & {
  any_feedback: boolean;
};

/** The inputs of scoreIndex766 from the two count rows. */
export function inputsFromCounts(
  d: DossierCounts,
  f: FeedbackCounts,
  lastEventAt: string | null,
): Index766Inputs {
  const r = (numerator: number, denominator: number) => ({ numerator, denominator });
  return {
    ratios: {
      synced: r(d.synced, d.received),
      progress: r(d.progress_num, d.progress_den),
      online_service: r(d.online_num, d.online_den),
      online_payment: r(d.pay_num, d.pay_den),
      feedback_on_time: r(f.ontime_num, f.ontime_den),
      feedback_satisfaction: r(f.handled - f.handled_bad, f.handled),
      digitized_dossiers: r(d.digitized, d.received),
      reused_dossiers: r(d.reused, d.received),
      complained: r(d.complained, d.received),
    },
    hasFeedback: f.any_feedback,
    anyAcknowledgement: d.any_ack,
    lastEventAt,
  };
}

export type { DossierCounts, FeedbackCounts };
