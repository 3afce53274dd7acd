import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import type { DossiersTx } from '../dossiers.database';
import { DossierScope } from '../scope/dossier-scope';
import { DossierRepository, type DossierWithSteps } from './dossier.repository';

/** What an action of a caller on one dossier does first and last, in the action's transaction. */
@Injectable()
export class ScopedDossiers {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly scope: DossierScope,
  ) {}

  /**
   * The dossier, locked for the rest of the transaction (one action at a time), when the caller may
   * see it; out of the caller's scope (another agency, another citizen's dossier): the same 404 as none.
   */
  async lockVisible(tx: DossiersTx, principal: Principal, id: string): Promise<DossierWithSteps> {
    return this.scope.visible(principal, id, await this.dossiers.lockForUpdate(tx, id));
  }

  /** Logs the caller's action, from `fromStatus` to the dossier's status after it. */
  async logAction(
    tx: DossiersTx,
    principal: Principal,
    after: { id: string; status: string; portalStatus: number },
    entry: {
      action: string;
      fromStatus: string;
      details: object;
      eventId: string | undefined;
      occurredAt: Date;
    },
  ): Promise<void> {
    await this.dossiers.appendLog(tx, {
      dossierId: after.id,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: after.status,
      portalStatus: after.portalStatus,
      actorSubject: principal.subject,
      actorRoles: principal.roles,
      actorUnit: principal.unit ?? null,
      details: entry.details,
      eventId: entry.eventId,
      occurredAt: entry.occurredAt,
    });
  }
}
