import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import type { ProcedureVersion } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { hashSecret, sameHash } from '../dossier/lookup-secret';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { DossierScope } from '../scope/dossier-scope';
import { lookupBaseOf, lookupUrl, qrPng } from './lookup-link';
import { slipDataOf, slipNotApplicable, type ExtensionRecord, type StopRecord } from './slip-data';
import { slipLayout } from './slip-forms';
import { SlipRepository } from './slip.repository';
import { renderSlipPdf } from './slip-renderer';
import type { SlipKind } from './slip.types';

/** The slips of one dossier (forms of the edition in force at its receipt, form-editions.ts), as PDF. */
@Injectable()
export class SlipsService {
  constructor(
    private readonly slips: SlipRepository,
    private readonly procedures: ProcedureCopyRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
    private readonly scope: DossierScope,
  ) {}

  async render(
    principal: Principal,
    id: string,
    kind: SlipKind,
    lookupSecret?: string,
  ): Promise<{ code: string; pdf: Buffer }> {
    const dossier = await this.scope.visible(principal, id, await this.slips.dossier(id));
    if (
      lookupSecret !== undefined &&
      !sameHash(dossier.lookupSecretHash, hashSecret(lookupSecret))
    ) {
      throw new DomainProblem(
        422,
        'lookup-secret-mismatch',
        'The lookup secret does not belong to this dossier',
        'header.X-Lookup-Secret: not the secret given to the applicant for this dossier (a replayed intake issues a new one)',
        {
          errors: [
            {
              field: 'header.X-Lookup-Secret',
              rule: 'matches-lookup-secret',
              message: 'not the lookup secret of this dossier',
            },
          ],
        },
      );
    }
    const stopLog = dossier.status === 'stopped' ? await this.slips.lastStop(id) : null;
    const stop = stopLog
      ? ({ ...(stopLog.details as object), occurredAt: stopLog.occurredAt } as StopRecord)
      : null;
    const violation = slipNotApplicable(kind, dossier, stop);
    if (violation) {
      throw new DomainProblem(
        409,
        'slip-not-applicable',
        'This slip does not apply to the dossier',
        violation.message,
        { errors: [violation], dossierStatus: dossier.status },
      );
    }
    const [copy, extensionLog, steps] = await Promise.all([
      this.procedures.version(dossier.procedureCode, dossier.procedureVersion),
      // At most one extension is allowed (lifecycle.policies.ts); the first is the one the receipt's date moved by.
      this.slips.firstExtension(id),
      kind === 'control-sheet' ? this.slips.steps(id) : Promise.resolve([]),
    ]);
    const base = lookupBaseOf(this.config);
    const data = slipDataOf({
      kind,
      dossier,
      procedure: (copy?.record ?? null) as ProcedureVersion | null,
      extension: (extensionLog?.details ?? null) as ExtensionRecord | null,
      stop,
      steps: steps.map((st) => ({
        order: st.order,
        name: st.name,
        unitName: st.unitName,
        startedAt: st.startedAt,
        dueAt: st.dueAt,
        completedAt: st.completedAt,
      })),
      issuedAt: new Date(),
      qrUrl: lookupUrl(base, dossier.code, lookupSecret),
      printedUrl: lookupUrl(base, dossier.code),
    });
    const layout = slipLayout(data);
    const pdf = await renderSlipPdf(layout, await qrPng(layout.qr.url));
    return { code: dossier.code, pdf };
  }
}
