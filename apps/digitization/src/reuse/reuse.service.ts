import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { documentReused, type DossierDocument } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { DigitizationDatabase, type DigitizationTx } from '../digitization.database';
import { DossierCopyRepository } from '../dossier-copy/dossier-copy.repository';
import { DigitizationScope } from '../scope/digitization-scope';
import { requireUnitActor } from '../shared/principal-actor';
import { ApplicantStoreRepository } from './applicant-store.repository';
import type { AcceptReuseBody, OffersQuery } from './reuse.schemas';

const field = (name: string, rule: string, message: string) => ({
  errors: [{ field: name, rule, message }],
});

import { DocumentReuseRepository } from './document-reuse.repository';
/** Reuse: offer the applicant's valid stored items for a new dossier, and record an accepted one. */
@Injectable()
export class ReuseService {
  constructor(
    private readonly db: DigitizationDatabase,
    private readonly uow: UnitOfWork<DigitizationTx>,
    private readonly copies: DossierCopyRepository,
    private readonly store: ApplicantStoreRepository,
    private readonly reuses: DocumentReuseRepository,
    private readonly scope: DigitizationScope,
  ) {}

  offers(query: OffersQuery) {
    return this.store.offers(this.db, {
      applicantKey: query.applicantKey,
      documentCodes: query.documentCode ? [query.documentCode] : undefined,
    });
  }

  /** For each slot of the dossier not yet digitized or reused: what the applicant already has. */
  async offersForDossier(dossierId: string, principal: Principal) {
    // A dossier outside the caller's scope answers 404 as if no event had told of it.
    const copy = await this.scope.dossier(principal, dossierId);
    if (!copy) {
      throw new DomainProblem(
        404,
        'dossier-not-known',
        'Not found',
        'No dossier event about this dossier has reached the digitization service yet; use GET /reuse-offers?applicantKey=&documentCode=.',
      );
    }
    const done = await this.reuses.doneCodes(this.db, dossierId);
    const open = (copy.documents as DossierDocument[])
      .filter((slot) => !slot.digitized && !slot.reused && !done.has(slot.code))
      .map((slot) => slot.code);
    const offers =
      open.length === 0
        ? []
        : await this.store.offers(this.db, {
            applicantKey: copy.applicantKey,
            documentCodes: open,
            excludeDossierId: dossierId,
          });
    return {
      dossierId,
      dossierCode: copy.dossierCode,
      slots: open.map((code) => ({
        documentCode: code,
        offers: offers.filter((offer) => offer.documentCode === code),
      })),
    };
  }

  async accept(dossierId: string, body: AcceptReuseBody, principal: Principal) {
    const actor = requireUnitActor(principal);
    await this.scope.dossier(principal, dossierId);
    const dossier = await this.resolveDossier(dossierId, body);
    return this.uow.run(async (tx, events) => {
      const offers = await this.store.offers(tx, {
        applicantKey: dossier.applicantKey,
        documentCodes: [body.documentCode],
        excludeDossierId: dossierId,
      });
      const offer = offers.find(
        (candidate) => candidate.kind === body.source.kind && candidate.id === body.source.id,
      );
      if (!offer) {
        throw new DomainProblem(
          422,
          'source-not-reusable',
          'Not reusable',
          'The source is not a valid stored item of this applicant for this document code (unknown, revoked, expired, or another applicant).',
          field('source.id', 'reusable', 'not offered for this dossier and document code'),
        );
      }
      const taken = await this.reuses.find(tx, dossierId, body.documentCode);
      if (taken) {
        throw new DomainProblem(
          409,
          'already-reused',
          'Conflict',
          `Document ${body.documentCode} of this dossier is already replaced by reuse.`,
          {
            ...field('documentCode', 'unique', 'already reused in this dossier'),
            reuseId: taken.id,
          },
        );
      }
      const created = await this.reuses.create(tx, {
        id: randomUUID(),
        dossierId,
        dossierCode: dossier.dossierCode,
        applicantKey: dossier.applicantKey,
        documentCode: body.documentCode,
        sourceKind: offer.kind,
        sourceId: offer.id,
        fromDossierId: offer.fromDossierId,
        reusedBy: principal.subject,
        reusedByUnit: actor.unitCode,
      });
      events.publish(documentReused, {
        applicantKey: dossier.applicantKey,
        occurredAt: created.reusedAt.toISOString(),
        dossierId,
        dossierCode: dossier.dossierCode,
        documentCode: body.documentCode,
        source: { kind: offer.kind, id: offer.id, fromDossierId: offer.fromDossierId },
      });
      return {
        id: created.id,
        dossierId,
        dossierCode: dossier.dossierCode,
        documentCode: body.documentCode,
        source: offer,
        reusedAt: created.reusedAt.toISOString(),
      };
    });
  }

  private async resolveDossier(
    dossierId: string,
    body: AcceptReuseBody,
  ): Promise<{ dossierCode: string; applicantKey: string }> {
    const copy = await this.copies.find(this.db, dossierId);
    if (copy) {
      if (
        (body.dossierCode && body.dossierCode !== copy.dossierCode) ||
        (body.applicantKey && body.applicantKey !== copy.applicantKey)
      ) {
        throw new DomainProblem(
          409,
          'dossier-mismatch',
          'Conflict',
          'dossierCode or applicantKey disagree with the dossier events.',
          field('applicantKey', 'matches-dossier', 'does not match the dossier'),
        );
      }
      return { dossierCode: copy.dossierCode, applicantKey: copy.applicantKey };
    }
    if (!body.dossierCode || !body.applicantKey) {
      throw new DomainProblem(
        422,
        'dossier-not-known',
        'Unknown dossier',
        'This dossier is not known from the dossier events yet: send dossierCode and applicantKey.',
        {
          errors: [
            ...(body.dossierCode
              ? []
              : [
                  {
                    field: 'dossierCode',
                    rule: 'required',
                    message: 'required until the dossier events arrive',
                  },
                ]),
            ...(body.applicantKey
              ? []
              : [
                  {
                    field: 'applicantKey',
                    rule: 'required',
                    message: 'required until the dossier events arrive',
                  },
                ]),
          ],
        },
      );
    }
    return { dossierCode: body.dossierCode, applicantKey: body.applicantKey };
  }
}
