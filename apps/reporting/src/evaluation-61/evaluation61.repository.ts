import { Injectable } from '@nestjs/common';
import type { Filters } from '../figures/figures.repository';
import type { Period } from '../figures/period';
import { ReportingDatabase } from '../reporting.database';
import type { DossierInputs } from './decree61.rules';

export type InputClass = { key: string | null; inputs: DossierInputs; count: number; lastEventAt: string | null };
type Row = { key: string | null; finish: DossierInputs['finish']; steps: DossierInputs['steps']; supplements: number; online: DossierInputs['online']; count: number; last_event_at: string | null };

const COLUMNS: Record<keyof Filters, string> = { agency: 'f.agency_code', unit: 'f.unit_code', domain: 'f.domain_code', procedure: 'f.procedure_code' };

/**
 * The Decree 61 inputs of the dossiers finished in a period, counted per class of equal inputs (a few
 * dozen rows per agency however many dossiers): the pure rules score the classes, not the rows.
 */
@Injectable()
export class Evaluation61Repository {
  constructor(private readonly db: ReportingDatabase) {}

  async inputClasses(generation: number, period: Period, filters: Filters, byAgency: boolean): Promise<InputClass[]> {
    const values: unknown[] = [generation, period.from, period.to];
    const where = (Object.keys(COLUMNS) as (keyof Filters)[])
      .filter((name) => filters[name] !== undefined)
      .map((name) => {
        values.push(filters[name]);
        return ` AND ${COLUMNS[name]} = $${values.length}`;
      })
      .join('');
    const rows = await this.db.$queryRawUnsafe<Row[]>(
      `SELECT ${byAgency ? 'f.agency_code' : 'NULL::text'} AS key,
         CASE WHEN f.on_time IS NULL THEN NULL WHEN NOT f.on_time THEN 'late'
              WHEN f.finished_on < (f.due_date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early' ELSE 'on_time' END AS finish,
         CASE WHEN f.steps_completed = 0 THEN NULL WHEN f.steps_late > 0 THEN 'late'
              WHEN f.steps_early = f.steps_completed THEN 'early' ELSE 'on_time' END AS steps,
         LEAST(f.supplement_count, 10)::int AS supplements,
         CASE WHEN f.channel <> 'online' THEN 'offline' WHEN p.online_level IS NULL THEN NULL
              WHEN p.online_level IN ('full', 'partial') THEN p.online_level ELSE 'offline' END AS online,
         count(*)::int AS count,
         to_char(max(f.last_event_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_event_at
       FROM dossier_fact f
       LEFT JOIN procedure_fact p ON p.generation = f.generation AND p.code = f.procedure_code AND p.version = f.procedure_version
       WHERE f.generation = $1 AND f.finished_on BETWEEN $2::date AND $3::date ${where}
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1`,
      ...values,
    );
    return rows.map((r) => ({
      key: r.key,
      inputs: { finish: r.finish, steps: r.steps, supplements: r.supplements, online: r.online },
      count: r.count,
      lastEventAt: r.last_event_at,
    }));
  }
}
