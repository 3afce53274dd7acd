import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { documentDigitized } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { DigitizationDatabase, type DigitizationTx } from '../digitization.database';
import { DossierCopyRepository } from '../dossier-copy/dossier-copy.repository';
import { DigitizationScope } from '../scope/digitization-scope';
import type { FileDownload } from '../shared/file-access';
import { requireUnitActor, dateOnly } from '../shared/principal-actor';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import { StoredFileRepository } from '../storage/stored-file.repository';
import { DocumentRepository } from './document.repository';
import type { DigitizeDocumentBody } from './document.schemas';
import { documentView } from './document.view';

/** Digitized documents: a scanned paper of a dossier, linked to its slot and kept for the applicant. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly db: DigitizationDatabase,
    private readonly uow: UnitOfWork<DigitizationTx>,
    private readonly copies: DossierCopyRepository,
    private readonly documents: DocumentRepository,
    private readonly files: StoredFileRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly scope: DigitizationScope,
  ) {}

  async digitize(body: DigitizeDocumentBody, principal: Principal) {
    const actor = requireUnitActor(principal);
    // A dossier the events told of: only officers in its scope digitize for it (404 otherwise).
    await this.scope.dossier(principal, body.dossierId);
    await this.assertSameDossier(body);
    return this.uow.run(async (tx, events) => {
      const file = await this.files.find(tx, body.fileSha256);
      if (!file) throw fileMissing();
      const { dossierId, documentCode, fileSha256 } = body;
      const existing = await this.documents.findSame(tx, { dossierId, documentCode, fileSha256 });
      if (existing) return { ...documentView(existing), replayed: true };
      const created = await this.documents.create(tx, {
        id: randomUUID(),
        dossierId: body.dossierId,
        dossierCode: body.dossierCode,
        applicantKey: body.applicantKey,
        documentCode: body.documentCode,
        fileSha256: file.sha256,
        filename: body.filename,
        digitizedByUnit: actor.unitCode,
        digitizedBy: principal.subject,
        agencyCode: principal.agency ?? null,
        validUntil: body.validUntil ? dateOnly(body.validUntil) : null,
      });
      events.publish(documentDigitized, {
        applicantKey: body.applicantKey,
        occurredAt: created.digitizedAt.toISOString(),
        documentId: created.id,
        dossierId: body.dossierId,
        dossierCode: body.dossierCode,
        documentCode: body.documentCode,
        checksumSha256: file.sha256,
        pages: file.pages,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        digitizedBy: actor,
        syncedToApplicantStore: true,
      });
      return { ...documentView(created), replayed: false };
    });
  }

  async list(dossierId: string, principal: Principal) {
    const copy = await this.scope.dossier(principal, dossierId);
    const rows = await this.documents.listOfDossier(this.db, dossierId);
    return (await this.scope.documents(principal, copy, rows)).map(documentView);
  }

  async download(id: string, principal: Principal): Promise<FileDownload> {
    // Outside the caller's scope: the same 404 as a document that does not exist.
    const document = await this.scope.document(principal, await this.documents.find(this.db, id));
    const stream = await this.storage.open(document.fileSha256);
    return {
      stream,
      mediaType: document.file.mediaType,
      sizeBytes: document.file.sizeBytes,
      filename: document.filename,
    };
  }

  /** When the dossier events already told us about the dossier, the upload must agree with them. */
  private async assertSameDossier(body: {
    dossierId: string;
    dossierCode: string;
    applicantKey: string;
  }) {
    const copy = await this.copies.find(this.db, body.dossierId);
    if (!copy) return;
    const wrong = [
      copy.dossierCode !== body.dossierCode ? 'dossierCode' : undefined,
      copy.applicantKey !== body.applicantKey ? 'applicantKey' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (wrong.length > 0) {
      throw new DomainProblem(
        409,
        'dossier-mismatch',
        'Conflict',
        `The dossier events say otherwise about: ${wrong.join(', ')}.`,
        {
          errors: wrong.map((field) => ({
            field,
            rule: 'matches-dossier',
            message: `does not match dossier ${body.dossierId}`,
          })),
        },
      );
    }
  }
}

export const fileMissing = () =>
  new DomainProblem(
    422,
    'file-not-found',
    'Unknown file',
    'Upload the file first (POST /files) and reference its sha256.',
    {
      errors: [
        { field: 'fileSha256', rule: 'uploaded', message: 'no stored file has this SHA-256' },
      ],
    },
  );
