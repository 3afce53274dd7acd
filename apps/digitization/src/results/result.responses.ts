import { z } from 'zod';

// What each route of result.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A result as the routes answer it (kết quả giải quyết). */
const resultView = z.strictObject({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  procedureCode: z.string(),
  resultType: z.string(),
  reuseCode: z.string(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  issuingAgencyCode: z.string(),
  issuingAgencyName: z.string(),
  electronic: z.boolean(),
  digitized: z.boolean(),
  checksumSha256: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

export const issueResponse = resultView.extend({ accessSecret: z.string() });

export const revokeResponse = resultView;

export const listResponse = z.array(resultView);
