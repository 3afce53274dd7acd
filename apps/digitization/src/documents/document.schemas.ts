import { z } from 'zod';
import { applicantKey, codeText, dossierCode, isoDate, sha256Hex, uuid } from '@motcua/contracts';
import { safeFilename } from '../shared/filename';

export const digitizeDocumentBody = z.object({
  dossierId: uuid,
  dossierCode,
  applicantKey,
  /** The procedure's required-document slot (thành phần hồ sơ code). */
  documentCode: codeText(),
  fileSha256: sha256Hex,
  filename: safeFilename,
  /** For documents that expire (e.g. a certificate with a validity date). */
  validUntil: isoDate.optional(),
});
export type DigitizeDocumentBody = z.infer<typeof digitizeDocumentBody>;

export const documentListQuery = z.object({ dossierId: uuid });
export const idParam = z.object({ id: uuid });
