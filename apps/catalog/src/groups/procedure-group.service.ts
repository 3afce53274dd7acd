import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProcedureGroupVersion } from '@motcua/contracts';
import { ruleProblem, type FieldViolation } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { AnnouncementService, type DecisionStatus } from '../publication/announcement.service';
import { conflictProblem, notFoundProblem } from '../shared/catalog-problems';
import type { CatalogTx } from '../shared/catalog-tx';
import { isoDateOf } from '../shared/vietnam-date';
import { ProcedureGroupRepository } from './procedure-group.repository';
import type { GroupDecisionBody } from './procedure-group.schemas';

export type GroupOutcome = {
  decisionId: string;
  number: string;
  kind: 'new' | 'amended';
  effectiveFrom: string;
  status: DecisionStatus;
  code: string;
  version: number;
};

export type GroupView = ProcedureGroupVersion & { isDemo: boolean };

/**
 * Groups of inter-agency procedures (nhóm TTHC liên thông), published like procedures: each
 * version comes with a publication decision, under the same lock, and is announced (its event
 * published) with that decision — at once when in force today, else by the scheduler.
 */
@Injectable()
export class ProcedureGroupService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly groups: ProcedureGroupRepository,
    private readonly announcements: AnnouncementService,
  ) {}

  publish(body: GroupDecisionBody, recordedBy: string): Promise<GroupOutcome> {
    return this.uow.run(async (tx, events) => {
      await this.announcements.lock(tx);
      const { decision, group } = body;
      const existing = await this.groups.findWithLatest(tx, group.code);
      if (decision.kind === 'new' && existing) {
        throw conflictProblem('procedure-group-exists', 'The group already exists', {
          field: 'group.code',
          rule: 'unique',
          message: `group ${group.code} already exists; publish an amended version instead`,
        });
      }
      if (decision.kind === 'amended' && !existing) {
        throw notFoundProblem('procedure-group-not-found', 'No such group', {
          field: 'group.code',
          rule: 'existing-group',
          message: `no group ${group.code} in the catalog`,
        });
      }
      const latest = existing?.versions[0];
      if (latest && decision.effectiveFrom < isoDateOf(latest.effectiveFrom)) {
        throw ruleProblem(
          'decision-out-of-order',
          'The decision takes effect before the latest version',
          [
            {
              field: 'decision.effectiveFrom',
              rule: 'not-before-latest-version',
              message: `version ${latest.version} of ${group.code} takes effect on ${isoDateOf(latest.effectiveFrom)}`,
            },
          ],
        );
      }
      await this.assertMembers(tx, group.procedureCodes, decision.effectiveFrom);

      const decisionId = await this.announcements.record(tx, decision, recordedBy);
      const groupId = existing?.id ?? randomUUID();
      if (!existing) {
        await this.groups.create(tx, { id: groupId, code: group.code, isDemo: body.demo ?? false });
      }
      const version = (latest?.version ?? 0) + 1;
      const record: ProcedureGroupVersion = {
        groupId,
        code: group.code,
        version,
        name: group.name,
        ...(group.lifeEvent ? { lifeEvent: group.lifeEvent } : {}),
        procedureCodes: group.procedureCodes,
        decision,
      };
      await this.groups.createVersion(tx, decisionId, record, decision.effectiveFrom);
      const status = await this.announcements.announceIfDue(tx, events, decision);
      const { number, kind, effectiveFrom } = decision;
      return { decisionId, number, kind, effectiveFrom, status, code: group.code, version };
    });
  }

  /**
   * Every member is a procedure of the catalog, not abolished (not even from a later date),
   * and in force by the group's effective date (422 listing every member that is not).
   */
  private async assertMembers(
    tx: CatalogTx,
    codes: string[],
    effectiveFrom: string,
  ): Promise<void> {
    const rows = await this.groups.membersOf(tx, codes);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const errors: FieldViolation[] = [];
    codes.forEach((code, i) => {
      const field = `group.procedureCodes.${i}`;
      const member = byCode.get(code);
      if (!member)
        errors.push({
          field,
          rule: 'known-procedure',
          message: `no procedure ${code} in the catalog`,
        });
      else if (member.abolished)
        errors.push({ field, rule: 'not-abolished', message: `procedure ${code} is abolished` });
      else if (member.first_effective > effectiveFrom) {
        errors.push({
          field,
          rule: 'in-force-by-effective-date',
          message: `procedure ${code} takes effect on ${member.first_effective}, after the group (${effectiveFrom})`,
        });
      }
    });
    if (errors.length > 0)
      throw ruleProblem('invalid-group-members', 'A member of the group cannot be grouped', errors);
  }

  /** Groups in force, by code; `procedureCode` keeps those that contain it. */
  async list(procedureCode?: string): Promise<GroupView[]> {
    const groups = await this.groups.listInForce();
    const views = await Promise.all(groups.map((group) => this.viewOf(group)));
    return views.filter(
      (view): view is GroupView =>
        !!view && (!procedureCode || view.procedureCodes.includes(procedureCode)),
    );
  }

  /** The version of a group in force now (404 when scheduled or unknown). */
  async inForce(code: string): Promise<GroupView> {
    const group = await this.groups.findByCode(code);
    const view = group?.status === 'in_force' ? await this.viewOf(group) : undefined;
    if (view) return view;
    throw notFoundProblem('procedure-group-not-in-force', 'No group in force', {
      field: 'code',
      rule: 'in-force',
      message: group
        ? `group ${code} is ${group.status.replace('_', ' ')}`
        : `no group ${code} in the catalog`,
    });
  }

  private async viewOf(group: {
    id: string;
    currentVersion: number | null;
    isDemo: boolean;
  }): Promise<GroupView | undefined> {
    if (!group.currentVersion) return undefined;
    const version = await this.groups.findVersion(group.id, group.currentVersion);
    return version
      ? { ...(version.record as ProcedureGroupVersion), isDemo: group.isDemo }
      : undefined;
  }
}
