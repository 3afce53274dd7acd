import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import { notFoundProblem } from '../shared/catalog-problems';
import { isoDateOf } from '../shared/vietnam-date';
import { ProcedureRepository } from './procedure.repository';

export type VersionHistoryEntry = {
  version: number;
  effect: string;
  decision: { number: string; kind: string; signedOn: string; effectiveFrom: string };
  announcedAt: string | null;
  relatedCode: string | null;
  record: ProcedureVersion;
};

/** Reads of the catalog: the version in force (today or at a date) and the whole history. */
@Injectable()
export class ProcedureQueryService {
  constructor(private readonly procedures: ProcedureRepository) {}

  /** The version announced and in force now; 404 when scheduled, abolished or unknown. */
  async inForce(code: string): Promise<ProcedureVersion> {
    const procedure = await this.procedures.findByCode(code);
    if (procedure?.status === 'in_force' && procedure.currentVersion) {
      const version = await this.procedures.findVersion(procedure.id, procedure.currentVersion);
      if (version) return version.record as ProcedureVersion;
    }
    throw notFoundProblem('procedure-not-in-force', 'No procedure in force', {
      field: 'code',
      rule: 'in-force',
      message: procedure
        ? `procedure ${code} is ${procedure.status.replace('_', ' ')}`
        : `no procedure ${code} in the catalog`,
    });
  }

  /** The version in force on a date (YYYY-MM-DD, Asia/Ho_Chi_Minh): the latest one whose effective date has come. */
  async inForceOn(code: string, date: string): Promise<ProcedureVersion> {
    const procedure = await this.procedures.findByCode(code);
    const version = procedure && (await this.procedures.latestEffectiveOn(procedure.id, date));
    if (version && version.effect !== 'abolish') return version.record as ProcedureVersion;
    throw notFoundProblem('procedure-not-in-force', 'No procedure in force on that date', {
      field: 'at',
      rule: 'in-force',
      message: !procedure
        ? `no procedure ${code} in the catalog`
        : version
          ? `procedure ${code} was abolished from ${isoDateOf(version.effectiveFrom)}`
          : `procedure ${code} was not yet in force on ${date}`,
    });
  }

  /** Every version, oldest first, with the decision that brought it and when it was announced. */
  async history(code: string): Promise<{
    code: string;
    status: string;
    currentVersion: number | null;
    isDemo: boolean;
    versions: VersionHistoryEntry[];
  }> {
    const procedure = await this.procedures.withHistory(code);
    if (!procedure) {
      throw notFoundProblem('procedure-not-found', 'No such procedure', {
        field: 'code',
        rule: 'existing-procedure',
        message: `no procedure ${code} in the catalog`,
      });
    }
    return {
      code: procedure.code,
      status: procedure.status,
      currentVersion: procedure.currentVersion,
      isDemo: procedure.isDemo,
      versions: procedure.versions.map((v) => ({
        version: v.version,
        effect: v.effect,
        decision: {
          number: v.decisionNumber,
          kind: v.decisionKind,
          signedOn: isoDateOf(v.signedOn),
          effectiveFrom: isoDateOf(v.effectiveFrom),
        },
        announcedAt: v.announcedAt?.toISOString() ?? null,
        relatedCode: v.relatedCode,
        record: v.record as ProcedureVersion,
      })),
    };
  }
}
