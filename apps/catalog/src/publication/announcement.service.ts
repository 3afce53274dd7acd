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
import { searchTextOf } from '../search/search-text';
import type { CatalogTx } from '../shared/catalog-tx';

/** What a version does when its decision takes effect. */
export type VersionEffect = 'publish' | 'amend' | 'abolish';

/**
 * One advisory lock serialises everything that writes publication decisions or announces
 * them, across every instance of the catalog: versions of one procedure are announced in
 * order and exactly once. It is held until the transaction ends.
 */
export const PUBLICATION_LOCK = `hashtext('motcua.catalog.publication')`;

/**
 * Announcing a decision brings its versions into force: the procedure's current version and
 * summary columns change, and procedure.published / amended / abolished go to the outbox
 * in the same transaction; so do the versions of groups of procedures it publishes
 * (procedure.group-published).
 */
@Injectable()
export class AnnouncementService {
  constructor(private readonly uow: UnitOfWork<CatalogTx>) {}

  /** Scheduler step: announces the next due decision in its own transaction. Undefined when none is due or another instance holds the lock. */
  announceNextDue(today = todayInVietnam()): Promise<string | undefined> {
    return this.uow.run(async (tx, events) => {
      const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(${PUBLICATION_LOCK}) AS locked`,
      );
      if (!lock?.locked) return undefined;
      const id = await this.nextDue(tx, today);
      if (id) await this.announce(tx, events, id);
      return id;
    });
  }

  /** Inside a transaction that holds the lock: announces every due decision, oldest effective date first. */
  async announceAllDue(tx: CatalogTx, events: EventSink, today: string): Promise<string[]> {
    const announced: string[] = [];
    for (let id = await this.nextDue(tx, today); id; id = await this.nextDue(tx, today)) {
      await this.announce(tx, events, id);
      announced.push(id);
    }
    return announced;
  }

  private async nextDue(tx: CatalogTx, today: string): Promise<string | undefined> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM publication_decision WHERE announced_at IS NULL AND effective_from <= $1::date
       ORDER BY effective_from, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      today,
    );
    return rows[0]?.id;
  }

  private async announce(tx: CatalogTx, events: EventSink, decisionId: string): Promise<void> {
    const now = new Date();
    const versions = await tx.procedureVersion.findMany({
      where: { decisionId },
      orderBy: { effect: 'desc' },
    });
    for (const version of versions) {
      const record = version.record as ProcedureVersion;
      const effect = version.effect as VersionEffect;
      switch (effect) {
        case 'publish':
          await this.bringIntoForce(tx, record);
          events.publish(procedurePublished, {
            ...record,
            ...(version.relatedCode ? { replacesCode: version.relatedCode } : {}),
          });
          break;
        case 'amend':
          await this.bringIntoForce(tx, record);
          events.publish(procedureAmended, record);
          break;
        case 'abolish':
          await tx.procedure.update({
            where: { id: record.procedureId },
            data: { status: 'abolished', currentVersion: record.version },
          });
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
      await tx.procedureVersion.update({
        where: {
          procedureId_version: { procedureId: version.procedureId, version: version.version },
        },
        data: { announcedAt: now },
      });
    }
    await this.announceGroups(tx, events, decisionId, now);
    await tx.publicationDecision.update({ where: { id: decisionId }, data: { announcedAt: now } });
  }

  /** A decision publishing a group of procedures (nhóm TTHC liên thông) brings its version into force. */
  private async announceGroups(
    tx: CatalogTx,
    events: EventSink,
    decisionId: string,
    now: Date,
  ): Promise<void> {
    const versions = await tx.procedureGroupVersion.findMany({ where: { decisionId } });
    for (const version of versions) {
      const record = version.record as ProcedureGroupVersion;
      await tx.procedureGroup.update({
        where: { id: version.groupId },
        data: { status: 'in_force', currentVersion: version.version },
      });
      events.publish(procedureGroupPublished, record);
      await tx.procedureGroupVersion.update({
        where: { groupId_version: { groupId: version.groupId, version: version.version } },
        data: { announcedAt: now },
      });
    }
  }

  private async bringIntoForce(tx: CatalogTx, record: ProcedureVersion): Promise<void> {
    await tx.procedure.update({
      where: { id: record.procedureId },
      data: {
        status: 'in_force',
        currentVersion: record.version,
        name: record.name,
        domainCode: record.domainCode,
        agencyCode: record.agencyCode,
        chainAgencyCodes: [
          ...new Set((record.interAgency?.stages ?? []).map((stage) => stage.agencyCode)),
        ],
        level: record.level,
        onlineLevel: record.onlineLevel,
        searchText: searchTextOf(record),
      },
    });
  }
}
