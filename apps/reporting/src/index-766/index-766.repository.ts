import { Injectable } from '@nestjs/common';
import { localDaysBounds } from '@motcua/calendar';
import type { Filters } from '../figures/figures.repository';
import type { Period } from '../figures/period';
import { ReportingDatabase } from '../reporting.database';
import type { DossierRecord, FeedbackRecord, PeriodBounds } from './index-766.inputs';
import type { Index766Inputs } from './index-766.rules';
import {
  dossierCountsSql,
  dossierFactWhere,
  feedbackCountsSql,
  inputsFromCounts,
  type DossierCounts,
  type FeedbackCounts,
} from './index-766.sql';
import { isoInstantSql } from '../figures/instant-sql';

/**
 * The local period as instants: [first day 00:00, day after the last 00:00) in Asia/Ho_Chi_Minh, the end cut at
 * `now` for the current period (an unfinished dossier or PAKN is judged at the end of the period, or today).
 */
export function boundsOf(period: Period, now = new Date()): PeriodBounds {
  const local = localDaysBounds(period.from, period.to);
  const end = Math.min(local.end.getTime(), Math.max(now.getTime(), local.start.getTime()));
  return { start: local.start.toISOString(), end: new Date(end).toISOString() };
}

/**
 * The Decision 766 inputs of a period: counted in SQL (`inputs`), or as the small per-dossier and per-item records
 * of the reference rules (index-766.inputs.ts; used by the equivalence test).
 */
@Injectable()
export class Index766Repository {
  constructor(private readonly db: ReportingDatabase) {}

  /** The inputs of a period counted in SQL (what the API and reports use). */
  async inputs(
    generation: number,
    period: Period,
    filters: Filters,
    lastEventAt: string | null,
    now = new Date(),
  ): Promise<Index766Inputs> {
    const bounds = boundsOf(period, now);
    const base = [generation, period.from, period.to, bounds.start, bounds.end];
    const dv = [...base];
    const fv = [...base];
    const [[d], [f]] = await Promise.all([
      this.db.$queryRawUnsafe<DossierCounts[]>(dossierCountsSql(filters, dv), ...dv),
      this.db.$queryRawUnsafe<FeedbackCounts[]>(feedbackCountsSql(filters.agency, fv), ...fv),
    ]);
    return inputsFromCounts(d, f, lastEventAt);
  }

  async dossiers(generation: number, period: Period, filters: Filters): Promise<DossierRecord[]> {
    const values: unknown[] = [generation, period.from, period.to];
    const where = dossierFactWhere(filters, values);
    return this.db.$queryRawUnsafe<DossierRecord[]>(
      `SELECT ${isoInstantSql('f.received_at')} AS "receivedAt", f.status, ${isoInstantSql('f.finished_at')} AS "finishedAt", f.finish_kind AS "finishKind",
         ${isoInstantSql('f.last_event_at')} AS "lastEventAt", ${isoInstantSql('f.due_date')} AS "dueDate", ${isoInstantSql('f.legal_due_date')} AS "legalDueDate",
         f.supplement_count AS "supplementRequests", f.paused_hours AS "supplementHours", ${isoInstantSql('f.supplement_requested_at')} AS "supplementRequestedAt",
         f.channel, p.online_level AS "procedureOnlineLevel", COALESCE(p.has_fee, false) AS "procedureHasFee",
         f.payment_requests AS "paymentRequests", f.payment_requests_nonzero AS "paymentRequestsNonzero", f.payments_online AS "paymentsOnline",
         f.documents_digitized AS "documentsDigitized", f.documents_reused AS "documentsReused", f.electronic_result AS "electronicResult",
         f.satisfaction, EXISTS (SELECT 1 FROM dossier_feedback_link k WHERE k.generation = f.generation AND k.dossier_id = f.dossier_id) AS "feedbackLinked",
         COALESCE(s.accepted > 0, false) AS "syncAccepted"
       FROM dossier_fact f
       LEFT JOIN procedure_fact p ON p.generation = f.generation AND p.code = f.procedure_code AND p.version = f.procedure_version
       LEFT JOIN portal_sync_fact s ON s.generation = f.generation AND s.dossier_code = f.dossier_code
       WHERE f.generation = $1 AND f.received_on <= $3::date AND (f.finished_on IS NULL OR f.finished_on >= $2::date) ${where}`,
      ...values,
    );
  }

  async feedback(
    generation: number,
    period: Period,
    agency: string | undefined,
  ): Promise<FeedbackRecord[]> {
    const values: unknown[] = [generation, period.from, period.to];
    const only =
      agency === undefined ? '' : (values.push(agency), ` AND f.agency_code = $${values.length}`);
    return this.db.$queryRawUnsafe<FeedbackRecord[]>(
      `SELECT f.feedback_id::text AS id, ${isoInstantSql('f.received_at')} AS "receivedAt", f.category, ${isoInstantSql('f.answered_at')} AS "answeredAt",
         ${isoInstantSql('f.answer_by')} AS "answerBy", f.answered_on_time AS "answeredOnTime", f.satisfaction,
         EXISTS (SELECT 1 FROM dossier_feedback_link k WHERE k.generation = f.generation AND k.repeat_of = f.feedback_id) AS "complainedAgain"
       FROM feedback_fact f
       WHERE f.generation = $1 AND f.received_on <= $3::date AND (f.answered_at IS NULL OR f.answered_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') ${only}`,
      ...values,
    );
  }
}
