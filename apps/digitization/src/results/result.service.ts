import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { agencyCode as agencyCodeSchema, resultIssued, resultRevoked } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { DigitizationDatabase, type DigitizationTx } from '../digitization.database';
import { fileMissing } from '../documents/document.service';
import { DigitizationScope } from '../scope/digitization-scope';
import type { FileDownload } from '../shared/file-access';
import { requireUnitActor, dateOnly } from '../shared/principal-actor';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import type { IssueResultBody, PublicDownloadBody, RevokeResultBody } from './result.schemas';
import { resultView } from './result.view';

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

import { StoredFileRepository } from '../storage/stored-file.repository';
import { ResultRepository } from './result.repository';
/** Results of dossiers: issued (electronic or scanned), revoked, downloaded. */
@Injectable()
export class ResultService {
  constructor(
    private readonly db: DigitizationDatabase,
    private readonly results: ResultRepository,
    private readonly files: StoredFileRepository,
    private readonly uow: UnitOfWork<DigitizationTx>,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly scope: DigitizationScope,
  ) {}

  async issue(body: IssueResultBody, principal: Principal) {
    const actor = requireUnitActor(principal);
    await this.scope.assertActsFor(
      principal,
      body.issuingAgencyCode,
      'A result in the name',
      'issuingAgencyCode',
    );
    const accessSecret = randomBytes(18).toString('base64url');
    return this.uow.run(async (tx, events) => {
      const file = body.fileSha256 ? await this.files.find(tx, body.fileSha256) : null;
      if (body.fileSha256 && !file) throw fileMissing();
      if (body.electronic && !file?.signed) {
        throw new DomainProblem(
          422,
          'signature-missing',
          'Not a signed result',
          'An electronic result must be a signed PDF (uploaded with kind=signed-pdf).',
          {
            errors: [
              { field: 'fileSha256', rule: 'signed-pdf', message: 'the file carries no signature' },
            ],
          },
        );
      }
      const duplicate = await this.results.findByNumber(tx, body.issuingAgencyCode, body.number);
      if (duplicate) {
        throw new DomainProblem(
          409,
          'result-number-taken',
          'Conflict',
          `Result ${body.number} of ${body.issuingAgencyCode} is already recorded.`,
          {
            errors: [
              { field: 'number', rule: 'unique', message: 'already used by this issuing agency' },
            ],
            resultId: duplicate.id,
          },
        );
      }
      const created = await this.results.create(tx, {
        id: randomUUID(),
        dossierId: body.dossierId,
        dossierCode: body.dossierCode,
        applicantKey: body.applicantKey,
        procedureCode: body.procedureCode,
        resultType: body.resultType,
        reuseCode: body.reuseCode ?? body.resultType,
        number: body.number,
        issuedOn: dateOnly(body.issuedOn),
        validUntil: body.validUntil ? dateOnly(body.validUntil) : null,
        issuingAgencyCode: body.issuingAgencyCode,
        issuingAgencyName: body.issuingAgencyName,
        electronic: body.electronic,
        fileSha256: file?.sha256 ?? null,
        filename: body.filename ?? null,
        issuedByUnit: actor.unitCode,
        issuedBy: principal.subject,
        accessSecretHash: hashSecret(accessSecret).toString('hex'),
      });
      events.publish(resultIssued, {
        applicantKey: body.applicantKey,
        occurredAt: created.recordedAt.toISOString(),
        resultId: created.id,
        dossierId: body.dossierId,
        dossierCode: body.dossierCode,
        procedureCode: body.procedureCode,
        resultType: body.resultType,
        number: body.number,
        issuedOn: body.issuedOn,
        validUntil: body.validUntil,
        issuingAgencyCode: body.issuingAgencyCode,
        issuingAgencyName: body.issuingAgencyName,
        electronic: body.electronic,
        checksumSha256: file?.sha256,
      });
      return { ...resultView(created), accessSecret };
    });
  }

  async revoke(id: string, body: RevokeResultBody, principal: Principal) {
    requireUnitActor(principal);
    return this.uow.run(async (tx, events) => {
      // Outside the caller's scope: the same 404 as a result that does not exist.
      const result = await this.scope.result(principal, await this.results.find(tx, id));
      if (result.revokedOn) {
        throw new DomainProblem(
          409,
          'already-revoked',
          'Conflict',
          `Result ${result.number} was revoked on ${result.revokedOn.toISOString().slice(0, 10)}.`,
        );
      }
      const revoking = agencyCodeSchema.safeParse(principal.agency).success
        ? principal.agency!
        : result.issuingAgencyCode;
      const updated = await this.results.revoke(tx, id, {
        revokedOn: dateOnly(body.revokedOn),
        revokeReason: body.reason,
        revokeDecision: body.decisionNumber ?? null,
      });
      events.publish(resultRevoked, {
        applicantKey: result.applicantKey,
        occurredAt: new Date().toISOString(),
        resultId: id,
        number: result.number,
        revokedOn: body.revokedOn,
        reason: body.reason,
        revokingAgencyCode: revoking,
        decisionNumber: body.decisionNumber,
      });
      return resultView(updated);
    });
  }

  async list(dossierId: string, principal: Principal) {
    // A dossier outside the caller's scope: 404; then the results of agencies in scope.
    await this.scope.dossier(principal, dossierId);
    const rows = await this.results.listOfDossier(this.db, dossierId);
    return (await this.scope.results(principal, rows)).map(resultView);
  }

  async download(id: string, principal: Principal): Promise<FileDownload> {
    const result = await this.scope.result(principal, await this.results.findWithFile(this.db, id));
    return this.fileOf(result);
  }

  /** The applicant's path: dossier code + the access secret handed out with the result. */
  async publicDownload(body: PublicDownloadBody): Promise<FileDownload> {
    const candidates = await this.results.withDossierCode(this.db, body.dossierCode);
    const presented = hashSecret(body.secret);
    const result = candidates.find((row) =>
      timingSafeEqual(Buffer.from(row.accessSecretHash, 'hex'), presented),
    );
    if (!result || !result.file) {
      throw new DomainProblem(
        404,
        'result-not-found',
        'Not found',
        'No downloadable result matches this dossier code and secret.',
      );
    }
    return this.fileOf(result);
  }

  private async fileOf(result: {
    fileSha256: string | null;
    filename: string | null;
    number: string;
    file: { mediaType: string; sizeBytes: number } | null;
  }) {
    if (!result.fileSha256 || !result.file)
      throw new DomainProblem(
        404,
        'result-not-digitized',
        'Not found',
        'This result has no file (issued on paper, not digitized).',
      );
    const stream = await this.storage.open(result.fileSha256);
    return {
      stream,
      mediaType: result.file.mediaType,
      sizeBytes: result.file.sizeBytes,
      filename: result.filename ?? `${result.number}.pdf`,
    };
  }
}
