import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { AgencyTreeRepository } from '../agencies/agency-tree.repository';
import { assertChainAgenciesKnown } from '../agencies/known-agencies';
import { DomainService } from '../domains/domain.service';
import type { CatalogTx } from '../shared/catalog-tx';
import { AnnouncementService, type DecisionStatus } from './announcement.service';
import { PublicationRepository, type VersionEffect } from './publication.repository';
import {
  assertCodeFree,
  assertNotAbolished,
  assertNotBeforeLatest,
  requireProcedure,
  type ExistingProcedure,
} from './publication-guards';
import type {
  AbolishedDecision,
  AmendedDecision,
  DecisionBody,
  NewDecision,
  ProcedureInput,
  ReplacedDecision,
} from './publication.schemas';

type Decision = DecisionBody['decision'];
type PlannedVersion = { code: string; version: number; effect: VersionEffect };

export type DecisionOutcome = {
  decisionId: string;
  number: string;
  kind: Decision['kind'];
  effectiveFrom: string;
  /** announced: in force and its events published; scheduled: waits for its effective date. */
  status: DecisionStatus;
  versions: PlannedVersion[];
};

/**
 * Publication decisions (quyết định công bố) are the only way procedures change. Each is
 * recorded with the versions it brings; one in force today is announced in the same
 * transaction, a later one by the scheduler when its date comes. A refused decision leaves nothing behind.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly domains: DomainService,
    private readonly announcements: AnnouncementService,
    private readonly publications: PublicationRepository,
    private readonly agencies: AgencyTreeRepository,
  ) {}

  record(body: DecisionBody, recordedBy: string): Promise<DecisionOutcome> {
    return this.uow.run(async (tx, events) => {
      await this.announcements.lock(tx);
      const { decision } = body;
      const decisionId = await this.announcements.record(tx, decision, recordedBy);
      const versions = await this.plan(tx, decisionId, body);
      const status = await this.announcements.announceIfDue(tx, events, decision);
      const { number, kind, effectiveFrom } = decision;
      return { decisionId, number, kind, effectiveFrom, status, versions };
    });
  }

  private plan(tx: CatalogTx, decisionId: string, body: DecisionBody): Promise<PlannedVersion[]> {
    switch (body.decision.kind) {
      case 'new':
        return this.planNew(tx, decisionId, body as NewDecision);
      case 'amended':
        return this.planAmendment(tx, decisionId, body as AmendedDecision);
      case 'replaced':
        return this.planReplacement(tx, decisionId, body as ReplacedDecision);
      case 'abolished':
        return this.planAbolition(tx, decisionId, body as AbolishedDecision);
    }
  }

  private async planNew(
    tx: CatalogTx,
    decisionId: string,
    body: NewDecision,
  ): Promise<PlannedVersion[]> {
    await assertCodeFree(this.publications, tx, body.procedure.code, 'procedure.code');
    return [
      await this.createProcedure(tx, decisionId, body.decision, body.procedure, body.demo ?? false),
    ];
  }

  private async planAmendment(
    tx: CatalogTx,
    decisionId: string,
    body: AmendedDecision,
  ): Promise<PlannedVersion[]> {
    const procedure = await requireProcedure(
      this.publications,
      tx,
      body.procedure.code,
      'procedure.code',
    );
    await assertNotAbolished(this.publications, tx, procedure, 'procedure.code');
    assertNotBeforeLatest(procedure, body.decision.effectiveFrom);
    const record = await this.recordOf(
      tx,
      procedure.id,
      procedure.latest.version + 1,
      body.decision,
      body.procedure,
    );
    return [await this.addVersion(tx, decisionId, body.decision, record, 'amend')];
  }

  private async planReplacement(
    tx: CatalogTx,
    decisionId: string,
    body: ReplacedDecision,
  ): Promise<PlannedVersion[]> {
    const old = await requireProcedure(this.publications, tx, body.replacesCode, 'replacesCode');
    await assertNotAbolished(this.publications, tx, old, 'replacesCode');
    assertNotBeforeLatest(old, body.decision.effectiveFrom);
    await assertCodeFree(this.publications, tx, body.procedure.code, 'procedure.code');
    const created = await this.createProcedure(
      tx,
      decisionId,
      body.decision,
      body.procedure,
      body.demo ?? false,
      old.code,
    );
    const ended = await this.abolish(tx, decisionId, body.decision, old, body.procedure.code);
    return [created, ended];
  }

  private async planAbolition(
    tx: CatalogTx,
    decisionId: string,
    body: AbolishedDecision,
  ): Promise<PlannedVersion[]> {
    const procedure = await requireProcedure(this.publications, tx, body.code, 'code');
    await assertNotAbolished(this.publications, tx, procedure, 'code');
    assertNotBeforeLatest(procedure, body.decision.effectiveFrom);
    return [await this.abolish(tx, decisionId, body.decision, procedure)];
  }

  private async createProcedure(
    tx: CatalogTx,
    decisionId: string,
    decision: Decision,
    input: ProcedureInput,
    isDemo: boolean,
    replacesCode?: string,
  ) {
    const procedureId = randomUUID();
    const record = await this.recordOf(tx, procedureId, 1, decision, input);
    await this.publications.createProcedure(tx, { id: procedureId, code: record.code, isDemo });
    return this.addVersion(tx, decisionId, decision, record, 'publish', replacesCode);
  }

  /** An abolition is a version too: the last content, closed by the decision, so history reads in one place. */
  private abolish(
    tx: CatalogTx,
    decisionId: string,
    decision: Decision,
    procedure: ExistingProcedure,
    replacedByCode?: string,
  ) {
    const record: ProcedureVersion = {
      ...procedure.latest.record,
      version: procedure.latest.version + 1,
      decision,
    };
    return this.addVersion(tx, decisionId, decision, record, 'abolish', replacedByCode);
  }

  private async recordOf(
    tx: CatalogTx,
    procedureId: string,
    version: number,
    decision: Decision,
    input: ProcedureInput,
  ): Promise<ProcedureVersion> {
    const domain = await this.domains.require(tx, input.domainCode, 'procedure.domainCode');
    if (input.interAgency)
      await assertChainAgenciesKnown(this.agencies, tx, input.interAgency.stages);
    return { ...input, domainName: domain.name, procedureId, version, decision };
  }

  private async addVersion(
    tx: CatalogTx,
    decisionId: string,
    decision: Decision,
    record: ProcedureVersion,
    effect: VersionEffect,
    relatedCode?: string,
  ): Promise<PlannedVersion> {
    await this.publications.createVersion(tx, decisionId, decision, record, effect, relatedCode);
    return { code: record.code, version: record.version, effect };
  }
}
