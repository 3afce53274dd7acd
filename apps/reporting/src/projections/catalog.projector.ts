import { Injectable } from '@nestjs/common';
import type { CloudEvent, ProcedureVersion } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import {
  abolishProcedure,
  addProposal,
  closeCampaign,
  countEvaluation,
  openCampaign,
  progressCampaign,
  writeProcedureVersion,
} from './catalog-fact.repository';

type Data = Record<string, unknown>;

/** Writes procedure versions (procedure_fact) and review campaigns (review_campaign_fact). */
@Injectable()
export class CatalogProjector {
  async apply(generation: number, event: CloudEvent<Data>, tx: ReportingTx): Promise<void> {
    const d = event.data;
    switch (event.type) {
      case 'motcua.procedure.published.v1':
      case 'motcua.procedure.amended.v1':
        return writeProcedureVersion(tx, generation, d as unknown as ProcedureVersion, event.time);
      case 'motcua.procedure.abolished.v1': {
        const decision = d.decision as { effectiveFrom: string };
        return abolishProcedure(tx, generation, d.code, decision.effectiveFrom, event.time);
      }
      case 'motcua.review.campaign-opened.v1':
        return openCampaign(tx, generation, d);
      case 'motcua.review.procedure-evaluated.v1':
        return countEvaluation(tx, generation, d);
      case 'motcua.review.simplification-proposed.v1': {
        const cost = d.complianceCost as { savingVnd: number };
        return addProposal(tx, generation, d, cost.savingVnd);
      }
      case 'motcua.review.campaign-progressed.v1':
        return progressCampaign(tx, generation, d);
      case 'motcua.review.campaign-closed.v1':
        return closeCampaign(tx, generation, d);
      default:
        return;
    }
  }
}
