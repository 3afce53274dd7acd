import { z } from 'zod';
import { agencyCode, freeText, isoDate, label, safeCode, uuid } from '@motcua/contracts';
import type { DossierAction } from './dossier-actions.table';

/** Documents brought with a supplement; `scanExemption` as at intake (Circular 03/2025/TT-VPCP Art. 5(2)). */
const documents = z
  .array(
    z.strictObject({
      code: z.string().min(1).max(32),
      digitized: z.boolean().default(false),
      reused: z.boolean().default(false),
      scanExemption: z.enum(['shown_only', 'participating_body_result', 'secret']).optional(),
    }),
  )
  .max(100);

/** The body of each action (POST /dossiers/:id/actions/:action). */
export const ACTION_BODIES = {
  assign: z.strictObject({ officerId: uuid }),
  'complete-step': z.strictObject({ note: freeText.optional(), nextOfficerId: uuid.optional() }),
  'request-supplement': z.strictObject({
    missing: z
      .array(
        z.strictObject({
          documentCode: z.string().min(1).max(32).optional(),
          description: freeText,
        }),
      )
      .min(1)
      .max(50),
    respondBy: isoDate.optional(),
    /**
     * The officer finds the request caused by the applicant's own fault (e.g. a false declaration),
     * with the reason: index 3 of the 2018 evaluation does not count it (docs/legal-rules.md).
     */
    applicantFault: z.strictObject({ reason: freeText }).optional(),
  }),
  /**
   * What arrived: documents (they satisfy the requested items naming their code) and the numbers
   * (1-based, in the request's order) of requested items without a document code that are now met.
   * The clock restarts only once every requested item has arrived, cumulatively.
   */
  'supplement-received': z
    .strictObject({
      documents: documents.default([]),
      items: z.array(z.int().min(1).max(50)).max(50).optional(),
    })
    .refine((b) => b.documents.length > 0 || (b.items?.length ?? 0) > 0, {
      path: ['documents'],
      message: 'name at least one document or requested item that arrived',
    }),
  extend: z.strictObject({
    newDueDate: isoDate,
    reason: freeText,
    apologySlipNumber: z.string().min(1).max(64).optional(),
  }),
  refuse: z.strictObject({ reasons: z.array(freeText).min(1).max(20) }),
  'mark-processed': z.strictObject({
    resultType: z.string().min(1).max(64).optional(),
    electronicResult: z.boolean().default(false),
  }),
  'return-result': z.strictObject({ method: z.enum(['desk', 'postal', 'online']) }),
  withdraw: z.strictObject({ reason: freeText.optional() }),
  stop: z.strictObject({ reason: freeText, legalBasis: z.string().min(1).max(300).optional() }),
  /** The applicant's request to stop (in person, by post, or through the portal) and the notice number (form 05). */
  'stop-at-request': z.strictObject({
    requestChannel: z.enum(['in_person', 'postal', 'online']),
    reason: freeText.optional(),
    noticeNumber: z.string().min(1).max(64).optional(),
  }),
  /** Liên thông: the agencies of the next stage order to send the dossier to (parallel stages: several). */
  transfer: z.strictObject({
    agencyCodes: z.array(agencyCode).min(1).max(20),
    mode: z.enum(['electronic', 'paper']).default('electronic'),
  }),
  /** The stage taken: needed only when the caller may accept more than one (external stages entered by the lead agency). */
  'accept-stage': z.strictObject({ agencyCode: agencyCode.optional() }),
  /** What the stage returns; absent: what the procedure says it hands on. */
  'hand-back': z.strictObject({
    agencyCode: agencyCode.optional(),
    handsOn: z
      .array(z.strictObject({ kind: z.enum(['document', 'result']), code: safeCode, name: label }))
      .max(50)
      .optional(),
    note: freeText.optional(),
  }),
} satisfies Record<DossierAction, z.ZodType>;

export type ActionBody<A extends DossierAction> = z.infer<(typeof ACTION_BODIES)[A]>;
