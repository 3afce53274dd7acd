import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  dossierProcessed,
  dossierReceived,
  dossierRefused,
  dossierResultReturned,
  dossierResumed,
  dossierStepCompleted,
  dossierStopped,
  dossierSubmitted,
  dossierTransferred,
  dossierWithdrawn,
  type CloudEvent,
  type DossierFacts,
  type EventData,
} from '@motcua/contracts';
import { IN_BATCHES, type InboxContext } from '@motcua/messaging';
import type { DigitizationEventTx } from '../digitization.database';
import { DossierCopyRepository, type DossierCopyChange } from './dossier-copy.repository';

type DossierEvent = CloudEvent<DossierFacts & Record<string, unknown>>;

const COPIED = [
  dossierSubmitted,
  dossierReceived,
  dossierResumed,
  dossierTransferred,
  dossierStepCompleted,
  dossierProcessed,
  dossierResultReturned,
  dossierRefused,
  dossierWithdrawn,
  dossierStopped,
] as const;

/** What one dossier event changes in the copy besides its facts (a pure rule). */
export function copyChangeOf(event: DossierEvent): DossierCopyChange {
  const data = event.data as unknown;
  switch (event.type) {
    case dossierSubmitted.type:
      return { documents: (data as EventData<typeof dossierSubmitted>).documents };
    case dossierReceived.type: {
      const d = data as EventData<typeof dossierReceived>;
      return {
        documents: d.documents,
        units: [d.receivedBy.unitCode, ...d.workflow.map((step) => step.unitCode)],
      };
    }
    case dossierResumed.type: {
      const d = data as EventData<typeof dossierResumed>;
      return { documents: d.documents, units: d.workflow.map((step) => step.unitCode) };
    }
    case dossierTransferred.type: {
      const d = data as EventData<typeof dossierTransferred>;
      return { units: [d.from.unitCode, d.to.unitCode] };
    }
    case dossierStepCompleted.type:
      return { units: [(data as EventData<typeof dossierStepCompleted>).completedBy.unitCode] };
    case dossierProcessed.type: {
      const d = data as EventData<typeof dossierProcessed>;
      return {
        units: [d.processedBy.unitCode],
        processed: { electronicResult: d.electronicResult },
      };
    }
    case dossierResultReturned.type:
      return { units: [(data as EventData<typeof dossierResultReturned>).returnedBy.unitCode] };
    default: // refused, withdrawn, stopped: the facts alone
      return {};
  }
}

/**
 * Keeps the copy of the dossiers this service needs: the applicant (for reuse offers), the
 * document slots with their digitized/reused flags and the received/processed dates (for the
 * rates), the handling units (for download authorisation). Runs of events are written together.
 */
@Controller()
export class DossierCopyHandlers {
  constructor(private readonly copies: DossierCopyRepository) {}

  /** Runs of consecutive dossier events of one fetched batch, in the chunk's transaction (docs/adr/0008-*). */
  @EventPattern(COPIED.map((contract) => contract.type), IN_BATCHES)
  async onDossierEvents(
    @Payload() events: DossierEvent[],
    @Ctx() ctx: InboxContext<DigitizationEventTx>,
  ): Promise<void> {
    await this.copies.applyMany(
      ctx.transaction,
      events.map((event) => ({ facts: event.data, change: copyChangeOf(event) })),
    );
  }
}
