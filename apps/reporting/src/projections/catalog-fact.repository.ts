import type { ProcedureVersion } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';

type Data = Record<string, unknown>;

/** The writes of procedure_fact and review_campaign_fact, in the chunk's transaction. */
export async function writeProcedureVersion(
  tx: ReportingTx,
  generation: number,
  p: ProcedureVersion,
  at: string,
): Promise<void> {
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
    at,
    p.fees.some((fee) => fee.amountVnd > 0),
  );
}

export async function abolishProcedure(
  tx: ReportingTx,
  generation: number,
  code: unknown,
  effectiveFrom: string,
  at: string,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE procedure_fact SET abolished_from = $3::date, last_event_at = $4::timestamptz WHERE generation = $1 AND code = $2`,
    generation,
    code,
    effectiveFrom,
    at,
  );
}

export async function openCampaign(tx: ReportingTx, generation: number, d: Data): Promise<void> {
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
}

export const countEvaluation = (tx: ReportingTx, generation: number, d: Data) =>
  updateCampaign(tx, generation, d, 'evaluated_count = evaluated_count + 1');

export const addProposal = (tx: ReportingTx, generation: number, d: Data, savingVnd: number) =>
  updateCampaign(
    tx,
    generation,
    d,
    'proposal_count = proposal_count + 1, saving_vnd = saving_vnd + $4::bigint',
    Math.trunc(savingVnd),
  );

/** The latest progress report wins, whatever order the reports arrive in. */
export const progressCampaign = (tx: ReportingTx, generation: number, d: Data) =>
  updateCampaign(
    tx,
    generation,
    d,
    `progress = CASE WHEN progress_as_of IS NULL OR progress_as_of <= $4::timestamptz THEN $5::jsonb ELSE progress END,
     progress_as_of = GREATEST(progress_as_of, $4::timestamptz)`,
    d.asOf,
    JSON.stringify(d.domains),
  );

export const closeCampaign = (tx: ReportingTx, generation: number, d: Data) =>
  updateCampaign(
    tx,
    generation,
    d,
    `closed_at = $4::timestamptz, late_domains = $5::jsonb`,
    d.occurredAt,
    JSON.stringify(d.lateDomains),
  );

/** Campaign events before the opening one have nothing to update (keyed by campaign, so they do not happen). */
async function updateCampaign(
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
