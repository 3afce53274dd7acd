import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  procedureAbolished,
  procedureAmended,
  procedureGroupPublished,
  procedurePublished,
  type ProcedureGroupVersion,
  type ProcedureVersion,
} from '@motcua/contracts';
import { todayInVietnam } from '@motcua/calendar';
import { UnitOfWork, type EventSink } from '@motcua/messaging';
import type { CatalogTx } from '../shared/catalog-tx';
import {
  PublicationRepository,
  type DecisionFacts,
  type VersionEffect,
} from './publication.repository';

/** How a recorded decision stands: in force and announced, or waiting for its effective date. */
export type DecisionStatus = 'announced' | 'scheduled';

/**
 * Announcing a decision brings its versions into force: the procedure's current version and
 * summary columns change, and procedure.published / amended / abolished go to the outbox
 * in the same transaction; so do the versions of groups of procedures it publishes
 * (procedure.group-published). Every decision, of procedures or of groups, is recorded here.
 */
@Injectable()
export class AnnouncementService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly publications: PublicationRepository,
  ) {}

  /** Scheduler step: announces the next due decision in its own transaction. Undefined when none is due or another instance holds the lock. */
  announceNextDue(today = todayInVietnam()): Promise<string | undefined> {
    return this.uow.run(async (tx, events) => {
      if (!(await this.publications.tryLock(tx))) return undefined;
      const id = await this.publications.nextDue(tx, today);
      if (id) await this.announce(tx, events, id);
      return id;
    });
  }

  /** Waits for the publication lock, held until the transaction ends (see PublicationRepository). */
  lock(tx: CatalogTx): Promise<void> {
    return this.publications.lock(tx);
  }

  /** Records a decision (under the lock); its versions are added by the caller. Returns its id. */
  async record(tx: CatalogTx, decision: DecisionFacts, recordedBy: string): Promise<string> {
    const id = randomUUID();
    await this.publications.createDecision(tx, id, decision, recordedBy);
    return id;
  }

  /**
   * Once a decision's versions are recorded: one in force today is announced at once (with every
   * other due decision, oldest first); a later one waits for the scheduler.
   */
  async announceIfDue(
    tx: CatalogTx,
    events: EventSink,
    decision: DecisionFacts,
  ): Promise<DecisionStatus> {
    const today = todayInVietnam();
    if (decision.effectiveFrom > today) return 'scheduled';
    for (
      let id = await this.publications.nextDue(tx, today);
      id;
      id = await this.publications.nextDue(tx, today)
    ) {
      await this.announce(tx, events, id);
    }
    return 'announced';
  }

  private async announce(tx: CatalogTx, events: EventSink, decisionId: string): Promise<void> {
    const now = new Date();
    for (const version of await this.publications.versionsOf(tx, decisionId)) {
      const record = version.record as ProcedureVersion;
      const effect = version.effect as VersionEffect;
      switch (effect) {
        case 'publish':
          await this.publications.bringIntoForce(tx, record);
          events.publish(procedurePublished, {
            ...record,
            ...(version.relatedCode ? { replacesCode: version.relatedCode } : {}),
          });
          break;
        case 'amend':
          await this.publications.bringIntoForce(tx, record);
          events.publish(procedureAmended, record);
          break;
        case 'abolish':
          await this.publications.markAbolished(tx, record);
          events.publish(procedureAbolished, {
            procedureId: record.procedureId,
            code: record.code,
            version: record.version,
            decision: record.decision,
            ...(version.relatedCode ? { replacedByCode: version.relatedCode } : {}),
          });
          break;
        default:
          throw new Error(`unknown version effect ${String(effect satisfies never)}`);
      }
      await this.publications.markVersionAnnounced(tx, version, now);
    }
    // A decision publishing a group of procedures (nhóm TTHC liên thông) brings its version into force.
    for (const version of await this.publications.groupVersionsOf(tx, decisionId)) {
      await this.publications.bringGroupIntoForce(tx, version, now);
      events.publish(procedureGroupPublished, version.record as ProcedureGroupVersion);
    }
    await this.publications.markDecisionAnnounced(tx, decisionId, now);
  }
}
