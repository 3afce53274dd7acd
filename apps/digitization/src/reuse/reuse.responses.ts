import { z } from 'zod';

// What each route of reuse.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A paper the applicant already has: a result or a digitized document (tái sử dụng). */
const reuseOffer = z.strictObject({
  kind: z.enum(['result', 'document']),
  id: z.string(),
  documentCode: z.string(),
  fromDossierId: z.string(),
  fromDossierCode: z.string(),
  validUntil: z.string().nullable(),
  number: z.string().optional(),
  issuingAgencyCode: z.string().optional(),
});

export const offersResponse = z.array(reuseOffer);

export const offersForDossierResponse = z.strictObject({
  dossierId: z.string(),
  dossierCode: z.string(),
  slots: z.array(
    z.strictObject({
      documentCode: z.string(),
      offers: z.array(reuseOffer),
    }),
  ),
});

export const acceptResponse = z.strictObject({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  documentCode: z.string(),
  source: reuseOffer,
  reusedAt: z.string(),
});
