import {
  portalDossierStatus,
  toPortalDossierStatus,
  type DossierFacts,
  type EventContract,
  type EventData,
} from '@motcua/contracts';
import type { EventSink } from '@motcua/messaging';
import type { Dossier } from '../generated/prisma/client';
import type { SubmittedDocument } from './dossier-status';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : undefined);

/** The facts every dossier event carries, read from the dossier row after the transition. */
export function factsOf(dossier: Dossier, occurredAt: Date): DossierFacts {
  const facts: DossierFacts = {
    dossierId: dossier.id,
    dossierCode: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureVersion: dossier.procedureVersion,
    agencyCode: dossier.agencyCode,
    domainCode: dossier.domainCode,
    portalStatus: dossier.portalStatus,
    channel: dossier.channel as DossierFacts['channel'],
    applicantType: dossier.applicantType as DossierFacts['applicantType'],
    applicantKey: dossier.applicantKey,
    occurredAt: occurredAt.toISOString(),
    receivedAt:
      dossier.status === 'not_received' || dossier.status === 'intake_supplement'
        ? undefined
        : iso(dossier.receivedAt),
    // The promised date (ngày hẹn trả in force) and the legal due date it may differ from after an apology.
    dueDate: iso(dossier.dueAt),
    legalDueDate: iso(dossier.legalDueAt),
    returnedAt: iso(dossier.returnedAt),
    supplementRequestedAt: iso(dossier.supplementRequestedAt),
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, v]) => v !== undefined),
  ) as DossierFacts;
}

/**
 * Publishes a dossier event and, after it, the public portal status built by the contracts'
 * mapper (masked identifier, yyyyMMddHHmmss). Both go to the outbox in the caller's transaction;
 * the portal status's ce_time is the instant of the change (milliseconds) and the database adds its
 * ce_sequence (apps/dossiers/src/portal, docs/adr/0018-portal-stream-synchronisation.md).
 */
export function publishDossierEvent<C extends EventContract>(
  events: EventSink,
  contract: C,
  data: EventData<C>,
  dossier: Dossier,
): string {
  const event = events.publish(contract, data);
  events.publish(
    portalDossierStatus,
    toPortalDossierStatus({
      dossier: data as unknown as DossierFacts,
      applicantIdentifier: dossier.applicantIdentifier,
      documents: dossier.documents as SubmittedDocument[],
    }),
    { time: new Date((data as unknown as DossierFacts).occurredAt) },
  );
  return event.id;
}
