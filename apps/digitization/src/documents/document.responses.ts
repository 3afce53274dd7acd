import { z } from 'zod';

// What each route of document.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const digitizeResponse = z.strictObject({
  replayed: z.boolean(),
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

export const listResponse = z.array(
  z.strictObject({
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
  }),
);
