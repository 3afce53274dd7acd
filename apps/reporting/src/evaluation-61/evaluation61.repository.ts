import { Injectable } from '@nestjs/common';
import type { Filters } from '../figures/figures.repository';
import type { Period } from '../figures/period';
import { ReportingDatabase } from '../reporting.database';
import type { Decree61Policy } from './decree61.policy';
import type { AgencyInputs, DossierInputs } from './decree61.rules';
import { isoInstantSql } from '../figures/instant-sql';

export type InputClass = {
  key: string | null;
  inputs: DossierInputs;
  count: number;
  lastEventAt: string | null;
};
type Row = Omit<DossierInputs, 'contacts' | 'supplements'> & {
  requests: number;
  fault: number;
  key: string | null;
  contacts_desk: number | null;
  contacts_other: number | null;
  count: number;
  last_event_at: string | null;
};
type AgencyRow = {
  agency: string;
  fb_received: number;
  fb_answered: number;
  fb_on_time: number;
  fb_prolonged: number;
  procedures: number;
  procedures_online: number;
  received: number;
  received_online: number;
  online_late: number;
};

const COLUMNS: Record<keyof Filters, string> = {
  agency: 'f.agency_code',
  unit: 'f.unit_code',
  domain: 'f.domain_code',
  procedure: 'f.procedure_code',
};
const LOCAL_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

function whereOf(filters: Filters, values: unknown[]): string {
  return (Object.keys(COLUMNS) as (keyof Filters)[])
    .filter((name) => filters[name] !== undefined)
    .map((name) => {
      values.push(filters[name]);
      return ` AND ${COLUMNS[name]} = $${values.length}`;
    })
    .join('');
}

/**
 * The Decree 61 inputs of the dossiers finished in a period and received while the policy was in force,
 * counted per class of equal inputs (a few dozen rows per agency however many dossiers), and the inputs of
 * each agency (PAKN, online service) for the agency-scope indices.
 */
@Injectable()
export class Evaluation61Repository {
  constructor(private readonly db: ReportingDatabase) {}

  async inputClasses(
    generation: number,
    period: Period,
    filters: Filters,
    byAgency: boolean,
    policy: Decree61Policy,
  ): Promise<InputClass[]> {
    const values: unknown[] = [
      generation,
      period.from,
      period.to,
      policy.effectiveFrom,
      policy.effectiveTo,
    ];
    const where = whereOf(filters, values);
    const rows = await this.db.$queryRawUnsafe<Row[]>(
      `SELECT ${byAgency ? 'f.agency_code' : 'NULL::text'} AS key,
         CASE WHEN f.legal_due_date IS NULL THEN NULL WHEN f.finished_at > f.legal_due_date THEN 'late'
              WHEN f.finished_on < ${LOCAL_DAY('f.legal_due_date')} THEN 'early' ELSE 'on_time' END AS finish,
         CASE WHEN f.steps_completed = 0 THEN NULL WHEN f.steps_late > 0 THEN 'late'
              WHEN f.steps_early = f.steps_completed THEN 'early' ELSE 'on_time' END AS steps,
         LEAST(f.supplement_count, 3)::int AS requests, LEAST(f.fault_supplements, 3)::int AS fault,
         CASE WHEN f.contacts_desk + f.contacts_other = 0 THEN NULL ELSE LEAST(f.contacts_desk, 1) END::int AS contacts_desk,
         CASE WHEN f.contacts_desk + f.contacts_other = 0 THEN NULL ELSE LEAST(f.contacts_other, 1) END::int AS contacts_other,
         f.agencies_answer AS "agenciesAnswer", f.publication_answer AS "publicationAnswer",
         CASE WHEN f.officer_conduct = 'harassment' OR l.complaints > 0 THEN true
              WHEN f.officer_conduct IS NOT NULL OR l.links > 0 THEN false END AS misconduct,
         count(*)::int AS count,
         ${isoInstantSql('max(f.last_event_at)')} AS last_event_at
       FROM dossier_fact f
       LEFT JOIN LATERAL (
         SELECT count(*) AS links, count(*) FILTER (WHERE k.conduct AND k.verification <> 'untrue') AS complaints
         FROM dossier_feedback_link k WHERE k.generation = f.generation AND k.dossier_id = f.dossier_id) l ON true
       WHERE f.generation = $1 AND f.finished_on BETWEEN $2::date AND $3::date
         AND f.received_on BETWEEN $4::date AND $5::date ${where}
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY 1`,
      ...values,
    );
    return rows.map((r) => ({
      key: r.key,
      inputs: {
        finish: r.finish,
        steps: r.steps,
        supplements: { requests: r.requests, applicantFault: r.fault },
        contacts:
          r.contacts_desk === null ? null : { desk: r.contacts_desk, other: r.contacts_other ?? 0 },
        agenciesAnswer: r.agenciesAnswer,
        publicationAnswer: r.publicationAnswer,
        misconduct: r.misconduct,
      },
      count: r.count,
      lastEventAt: r.last_event_at,
    }));
  }

  /** Dossiers finished in the period that were received after the policy ended (not evaluated). */
  async outsidePolicy(
    generation: number,
    period: Period,
    filters: Filters,
    policy: Decree61Policy,
  ): Promise<number> {
    const values: unknown[] = [generation, period.from, period.to, policy.effectiveTo];
    const where = whereOf(filters, values);
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM dossier_fact f
       WHERE f.generation = $1 AND f.finished_on BETWEEN $2::date AND $3::date AND f.received_on > $4::date ${where}`,
      ...values,
    );
    return row.n;
  }

  /** Indices 8 and 9 per agency: PAKN received in the period, procedures in force, dossiers received in the period. */
  async agencyInputs(
    generation: number,
    period: Period,
    agency: string | undefined,
  ): Promise<Map<string, AgencyInputs>> {
    const values: unknown[] = [generation, period.from, period.to];
    const only =
      agency === undefined ? '' : (values.push(agency), ` AND agency_code = $${values.length}`);
    const rows = await this.db.$queryRawUnsafe<AgencyRow[]>(
      `WITH fb AS (
         SELECT agency_code, count(*)::int AS fb_received, count(answered_at)::int AS fb_answered,
           count(*) FILTER (WHERE answered_on_time)::int AS fb_on_time,
           count(*) FILTER (WHERE answered_at IS NULL AND answer_by < LEAST(now(), ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int AS fb_prolonged
         FROM feedback_fact WHERE generation = $1 AND received_on BETWEEN $2::date AND $3::date ${only} GROUP BY 1),
       pr AS (
         SELECT agency_code, count(*)::int AS procedures, count(*) FILTER (WHERE online_level IN ('full', 'partial'))::int AS procedures_online
         FROM (SELECT DISTINCT ON (code) code, agency_code, online_level FROM procedure_fact
               WHERE generation = $1 AND effective_from <= $3::date AND (abolished_from IS NULL OR abolished_from > $3::date)
               ORDER BY code, effective_from DESC, version DESC) p
         WHERE true ${only} GROUP BY 1),
       dz AS (
         SELECT agency_code, count(*)::int AS received, count(*) FILTER (WHERE channel = 'online')::int AS received_online,
           count(*) FILTER (WHERE channel = 'online' AND legal_due_date IS NOT NULL AND COALESCE(finished_at,
             LEAST(now(), ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) > legal_due_date)::int AS online_late
         FROM dossier_fact WHERE generation = $1 AND received_on BETWEEN $2::date AND $3::date ${only} GROUP BY 1)
       SELECT a.agency_code AS agency, COALESCE(fb.fb_received, 0) AS fb_received, COALESCE(fb.fb_answered, 0) AS fb_answered,
         COALESCE(fb.fb_on_time, 0) AS fb_on_time, COALESCE(fb.fb_prolonged, 0) AS fb_prolonged,
         COALESCE(pr.procedures, 0) AS procedures, COALESCE(pr.procedures_online, 0) AS procedures_online,
         COALESCE(dz.received, 0) AS received, COALESCE(dz.received_online, 0) AS received_online, COALESCE(dz.online_late, 0) AS online_late
       FROM (SELECT agency_code FROM dz UNION SELECT agency_code FROM fb) a
       LEFT JOIN fb USING (agency_code) LEFT JOIN pr USING (agency_code) LEFT JOIN dz USING (agency_code)`,
      ...values,
    );
    return new Map(
      rows.map((r) => [
        r.agency,
        {
          feedback: {
            received: r.fb_received,
            answered: r.fb_answered,
            answeredOnTime: r.fb_on_time,
            prolonged: r.fb_prolonged,
          },
          online: {
            procedures: r.procedures,
            proceduresOnline: r.procedures_online,
            received: r.received,
            receivedOnline: r.received_online,
            onlineLate: r.online_late,
          },
        },
      ]),
    );
  }
}
