import { z } from 'zod';

// What each route of document.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A digitized document as the routes answer it (thành phần hồ sơ số hóa). */
const documentView = z.strictObject({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  documentCode: z.string(),
  checksumSha256: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  pages: z.number(),
  digitizedByUnit: z.string(),
  digitizedAt: z.string(),
  validUntil: z.string().nullable(),
});

export const digitizeResponse = documentView.extend({ replayed: z.boolean() });

export const listResponse = z.array(documentView);
