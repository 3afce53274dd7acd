import { z } from 'zod';

// What each route of result.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const issueResponse = z.strictObject({
  accessSecret: z.string(),
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

export const revokeResponse = z.strictObject({
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

export const listResponse = z.array(revokeResponse);
