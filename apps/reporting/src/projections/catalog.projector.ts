import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProcedureVersion } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';

type Data = Record<string, unknown>;

/** Writes procedure versions (procedure_fact) and review campaigns (review_campaign_fact). */
@Injectable()
export class CatalogProjector {
  async apply(generation: number, event: CloudEvent<Data>, tx: ReportingTx): Promise<void> {
    const d = event.data;
    switch (event.type) {
      case 'motcua.procedure.published.v1':
      case 'motcua.procedure.amended.v1': {
        const p = d as unknown as ProcedureVersion;
        await tx.$executeRawUnsafe(
          `INSERT INTO procedure_fact (generation, code, version, name, agency_code, domain_code, online_level, has_fee, effective_from, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $10, $8::date, $9::timestamptz)
           ON CONFLICT (generation, code, version) DO UPDATE SET name = EXCLUDED.name, agency_code = EXCLUDED.agency_code,
             domain_code = EXCLUDED.domain_code, online_level = EXCLUDED.online_level, has_fee = EXCLUDED.has_fee,
             effective_from = EXCLUDED.effective_from, last_event_at = EXCLUDED.last_event_at`,
          generation,
          p.code,
          p.version,
          p.name,
          p.agencyCode,
          p.domainCode,
          p.onlineLevel,
          p.decision.effectiveFrom,
          event.time,
          p.fees.some((fee) => fee.amountVnd > 0),
        );
        return;
      }
      case 'motcua.procedure.abolished.v1': {
        const decision = d.decision as { effectiveFrom: string };
        await tx.$executeRawUnsafe(
          `UPDATE procedure_fact SET abolished_from = $3::date, last_event_at = $4::timestamptz WHERE generation = $1 AND code = $2`,
          generation,
          d.code,
          decision.effectiveFrom,
          event.time,
        );
        return;
      }
      case 'motcua.review.campaign-opened.v1':
        await tx.$executeRawUnsafe(
          `INSERT INTO review_campaign_fact (generation, campaign_id, name, year, deadline, scopes, last_event_at)
           VALUES ($1, $2::uuid, $3, $4, $5::date, $6::jsonb, $7::timestamptz)
           ON CONFLICT (generation, campaign_id) DO UPDATE SET name = EXCLUDED.name, year = EXCLUDED.year,
             deadline = EXCLUDED.deadline, scopes = EXCLUDED.scopes, last_event_at = EXCLUDED.last_event_at`,
          generation,
          d.campaignId,
          d.name,
          d.year,
          d.deadline,
          JSON.stringify(d.scopes),
          d.occurredAt,
        );
        return;
      case 'motcua.review.procedure-evaluated.v1':
        return this.update(tx, generation, d, 'evaluated_count = evaluated_count + 1');
      case 'motcua.review.simplification-proposed.v1': {
        const cost = d.complianceCost as { savingVnd: number };
        return this.update(
          tx,
          generation,
          d,
          'proposal_count = proposal_count + 1, saving_vnd = saving_vnd + $4::bigint',
          Math.trunc(cost.savingVnd),
        );
      }
      case 'motcua.review.campaign-progressed.v1':
        return this.update(
          tx,
          generation,
          d,
          `progress = CASE WHEN progress_as_of IS NULL OR progress_as_of <= $4::timestamptz THEN $5::jsonb ELSE progress END,
           progress_as_of = GREATEST(progress_as_of, $4::timestamptz)`,
          d.asOf,
          JSON.stringify(d.domains),
        );
      case 'motcua.review.campaign-closed.v1':
        return this.update(
          tx,
          generation,
          d,
          `closed_at = $4::timestamptz, late_domains = $5::jsonb`,
          d.occurredAt,
          JSON.stringify(d.lateDomains),
        );
      default:
        return;
    }
  }

  /** Campaign events before the opening one have nothing to update (keyed by campaign, so they do not happen). */
  private async update(
    tx: ReportingTx,
    generation: number,
    d: Data,
    assignments: string,
    ...extra: unknown[]
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE review_campaign_fact SET ${assignments}, last_event_at = GREATEST(last_event_at, $3::timestamptz)
       WHERE generation = $1 AND campaign_id = $2::uuid`,
      generation,
      d.campaignId,
      d.occurredAt,
      ...extra,
    );
  }
}
