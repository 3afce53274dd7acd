import { z } from 'zod';

// What each route of intake.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const uploadResponse = z.strictObject({
  sha256: z.string(),
  sizeBytes: z.number(),
  pages: z.number(),
  signed: z.boolean(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']),
  alreadyStored: z.boolean(),
  signatures: z
    .array(
      z.strictObject({
        signer: z.string(),
        issuer: z.string(),
        serialNumber: z.string(),
        signingTime: z.string().optional(),
        trustAnchor: z.string(),
        validity: z.literal('valid'),
        verifiedAt: z.string(),
      }),
    )
    .optional(),
});
