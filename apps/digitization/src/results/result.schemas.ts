import { z } from 'zod';
import {
  agencyCode,
  applicantKey,
  codeText,
  dossierCode,
  isoDate,
  labelText,
  procedureCode,
  reasonText,
  requestSchemaOf,
  sha256Hex,
  uuid,
} from '@motcua/contracts';
import { safeFilename } from '../shared/filename';

export const issueResultBody = requestSchemaOf(
  z
    .object({
      dossierId: uuid,
      dossierCode,
      applicantKey,
      procedureCode,
      resultType: codeText(),
      /** The document slot this result fills when a later dossier reuses it; defaults to resultType. */
      reuseCode: codeText().optional(),
      number: codeText(),
      issuedOn: isoDate,
      validUntil: isoDate.optional(),
      issuingAgencyCode: agencyCode,
      issuingAgencyName: labelText,
      electronic: z.boolean(),
      fileSha256: sha256Hex.optional(),
      filename: safeFilename.optional(),
    })
    .refine((body) => !body.electronic || body.fileSha256 !== undefined, {
      path: ['fileSha256'],
      message: 'an electronic result needs its signed PDF (fileSha256)',
    })
    .refine((body) => (body.fileSha256 === undefined) === (body.filename === undefined), {
      path: ['filename'],
      message: 'filename and fileSha256 go together',
    })
    .refine((body) => !body.validUntil || body.validUntil >= body.issuedOn, {
      path: ['validUntil'],
      message: 'must not be before issuedOn',
    }),
);
export type IssueResultBody = z.infer<typeof issueResultBody>;

export const revokeResultBody = z.object({
  revokedOn: isoDate,
  reason: reasonText,
  decisionNumber: codeText().optional(),
});
export type RevokeResultBody = z.infer<typeof revokeResultBody>;

export const publicDownloadBody = z.object({
  dossierCode,
  secret: z.string().min(16).max(100),
});
export type PublicDownloadBody = z.infer<typeof publicDownloadBody>;

export const resultListQuery = z.object({ dossierId: uuid });
