import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import { searchTextOf } from '../search/search-text';
import type { CatalogTx } from '../shared/catalog-tx';

/** What a version does when its decision takes effect. */
export type VersionEffect = 'publish' | 'amend' | 'abolish';

/** A decision as a request states it (quyết định công bố). */
export type DecisionFacts = {
  number: string;
  kind: string;
  signedOn: string;
  effectiveFrom: string;
};

/**
 * One advisory lock serialises everything that writes publication decisions or announces
 * them, across every instance of the catalog: versions of one procedure are announced in
 * order and exactly once. It is held until the transaction ends.
 */
const PUBLICATION_LOCK = `hashtext('motcua.catalog.publication')`;

/** Queries on publication decisions, procedures and their versions. */
@Injectable()
export class PublicationRepository {
  /** Waits for the publication lock. */
  async lock(tx: CatalogTx): Promise<void> {
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${PUBLICATION_LOCK})::text`);
  }

  /** Takes the publication lock unless another instance holds it. */
  async tryLock(tx: CatalogTx): Promise<boolean> {
    const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(${PUBLICATION_LOCK}) AS locked`,
    );
    return lock?.locked === true;
  }

  async createDecision(
    tx: CatalogTx,
    id: string,
    decision: DecisionFacts,
    recordedBy: string,
  ): Promise<void> {
    await tx.publicationDecision.create({
      data: {
        id,
        number: decision.number,
        kind: decision.kind,
        signedOn: new Date(decision.signedOn),
        effectiveFrom: new Date(decision.effectiveFrom),
        recordedBy,
      },
    });
  }

  /** The oldest due decision not yet announced, skipping one another transaction holds. */
  async nextDue(tx: CatalogTx, today: string): Promise<string | undefined> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM publication_decision WHERE announced_at IS NULL AND effective_from <= $1::date
       ORDER BY effective_from, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      today,
    );
    return rows[0]?.id;
  }

  async markDecisionAnnounced(tx: CatalogTx, id: string, at: Date): Promise<void> {
    await tx.publicationDecision.update({ where: { id }, data: { announcedAt: at } });
  }

  /** The procedure versions a decision brings, abolitions last. */
  versionsOf(tx: CatalogTx, decisionId: string) {
    return tx.procedureVersion.findMany({ where: { decisionId }, orderBy: { effect: 'desc' } });
  }

  async markVersionAnnounced(
    tx: CatalogTx,
    version: { procedureId: string; version: number },
    at: Date,
  ): Promise<void> {
    await tx.procedureVersion.update({
      where: {
        procedureId_version: { procedureId: version.procedureId, version: version.version },
      },
      data: { announcedAt: at },
    });
  }

  async createProcedure(
    tx: CatalogTx,
    procedure: { id: string; code: string; isDemo: boolean },
  ): Promise<void> {
    await tx.procedure.create({ data: { ...procedure, status: 'scheduled' } });
  }

  async createVersion(
    tx: CatalogTx,
    decisionId: string,
    decision: DecisionFacts,
    record: ProcedureVersion,
    effect: VersionEffect,
    relatedCode?: string,
  ): Promise<void> {
    await tx.procedureVersion.create({
      data: {
        procedureId: record.procedureId,
        version: record.version,
        record,
        decisionId,
        decisionNumber: decision.number,
        decisionKind: decision.kind,
        signedOn: new Date(decision.signedOn),
        effectiveFrom: new Date(decision.effectiveFrom),
        effect,
        relatedCode: relatedCode ?? null,
      },
    });
  }

  /** The procedure's summary columns become those of the version in force. */
  async bringIntoForce(tx: CatalogTx, record: ProcedureVersion): Promise<void> {
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

  async markAbolished(tx: CatalogTx, record: ProcedureVersion): Promise<void> {
    await tx.procedure.update({
      where: { id: record.procedureId },
      data: { status: 'abolished', currentVersion: record.version },
    });
  }

  findProcedureId(tx: CatalogTx, code: string) {
    return tx.procedure.findUnique({ where: { code }, select: { id: true, code: true } });
  }

  latestVersion(tx: CatalogTx, procedureId: string) {
    return tx.procedureVersion.findFirst({ where: { procedureId }, orderBy: { version: 'desc' } });
  }

  /** The version abolishing the procedure, whenever it takes effect. */
  abolitionOf(tx: CatalogTx, procedureId: string) {
    return tx.procedureVersion.findFirst({ where: { procedureId, effect: 'abolish' } });
  }

  /** The group versions a decision brings. */
  groupVersionsOf(tx: CatalogTx, decisionId: string) {
    return tx.procedureGroupVersion.findMany({ where: { decisionId } });
  }

  async bringGroupIntoForce(
    tx: CatalogTx,
    version: { groupId: string; version: number },
    at: Date,
  ): Promise<void> {
    await tx.procedureGroup.update({
      where: { id: version.groupId },
      data: { status: 'in_force', currentVersion: version.version },
    });
    await tx.procedureGroupVersion.update({
      where: { groupId_version: { groupId: version.groupId, version: version.version } },
      data: { announcedAt: at },
    });
  }
}
