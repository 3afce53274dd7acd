import { Injectable } from '@nestjs/common';
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
  type EventData,
} from '@motcua/contracts';
import { OnEvent } from '@motcua/messaging';
import type { DigitizationTx } from '../digitization.database';
import { DossierCopyRepository } from './dossier-copy.repository';

type Event<C extends Parameters<typeof OnEvent>[0]> = CloudEvent<EventData<C>>;

/**
 * Keeps the copy of the dossiers this service needs: the applicant (for reuse offers), the
 * document slots with their digitized/reused flags and the received/processed dates (for the
 * rates), the handling units (for download authorisation).
 */
@Injectable()
export class DossierCopyHandlers {
  constructor(private readonly copies: DossierCopyRepository) {}

  @OnEvent(dossierSubmitted)
  async onSubmitted(event: Event<typeof dossierSubmitted>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, { documents: event.data.documents });
  }

  @OnEvent(dossierReceived)
  async onReceived(event: Event<typeof dossierReceived>, tx: DigitizationTx): Promise<void> {
    const units = [event.data.receivedBy.unitCode, ...event.data.workflow.map((step) => step.unitCode)];
    await this.copies.apply(tx, event.data, { documents: event.data.documents, units });
  }

  @OnEvent(dossierResumed)
  async onResumed(event: Event<typeof dossierResumed>, tx: DigitizationTx): Promise<void> {
    const units = event.data.workflow.map((step) => step.unitCode);
    await this.copies.apply(tx, event.data, { documents: event.data.documents, units });
  }

  @OnEvent(dossierTransferred)
  async onTransferred(event: Event<typeof dossierTransferred>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, { units: [event.data.from.unitCode, event.data.to.unitCode] });
  }

  @OnEvent(dossierStepCompleted)
  async onStepCompleted(event: Event<typeof dossierStepCompleted>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, { units: [event.data.completedBy.unitCode] });
  }

  @OnEvent(dossierProcessed)
  async onProcessed(event: Event<typeof dossierProcessed>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, {
      units: [event.data.processedBy.unitCode],
      processed: { electronicResult: event.data.electronicResult },
    });
  }

  @OnEvent(dossierResultReturned)
  async onResultReturned(event: Event<typeof dossierResultReturned>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, { units: [event.data.returnedBy.unitCode] });
  }

  @OnEvent(dossierRefused)
  async onRefused(event: Event<typeof dossierRefused>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, {});
  }

  @OnEvent(dossierWithdrawn)
  async onWithdrawn(event: Event<typeof dossierWithdrawn>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, {});
  }

  @OnEvent(dossierStopped)
  async onStopped(event: Event<typeof dossierStopped>, tx: DigitizationTx): Promise<void> {
    await this.copies.apply(tx, event.data, {});
  }
}
