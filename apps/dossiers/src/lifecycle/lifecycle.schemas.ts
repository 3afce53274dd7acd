import { z } from 'zod';
import {
  agencyCode,
  codeText,
  isoDate,
  labelText,
  reasonText,
  referenceText,
  requestSchemaOf,
  uuid,
} from '@motcua/contracts';
import { requestDocumentSchema } from '../intake/intake.schemas';
import type { DossierAction } from './dossier-actions.table';

/** Documents brought with a supplement, as at intake (Circular 03/2025/TT-VPCP Art. 5(2)). */
const documents = z.array(requestDocumentSchema).max(100);

/**
 * Every text field is request text whose value its event accepts (reasons: freeText; names:
 * label; numbers and codes: safeCode), so an action that passes here always becomes its event.
 */

/** The body of each action (POST /dossiers/:id/actions/:action). */
const ACTION_BODY_SCHEMAS = {
  assign: z.strictObject({ officerId: uuid }),
  'complete-step': z.strictObject({ note: reasonText.optional(), nextOfficerId: uuid.optional() }),
  'request-supplement': z.strictObject({
    missing: z
      .array(
        z.strictObject({
          documentCode: codeText(32).optional(),
          description: reasonText,
        }),
      )
      .min(1)
      .max(50),
    respondBy: isoDate.optional(),
    /**
     * The officer finds the request caused by the applicant's own fault (e.g. a false declaration),
     * with the reason: index 3 of the 2018 evaluation does not count it (docs/legal-rules.md).
     */
    applicantFault: z.strictObject({ reason: reasonText }).optional(),
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
    reason: reasonText,
    apologySlipNumber: codeText(64).optional(),
  }),
  refuse: z.strictObject({ reasons: z.array(reasonText).min(1).max(20) }),
  'mark-processed': z.strictObject({
    resultType: codeText(64).optional(),
    electronicResult: z.boolean().default(false),
  }),
  'return-result': z.strictObject({ method: z.enum(['desk', 'postal', 'online']) }),
  withdraw: z.strictObject({ reason: reasonText.optional() }),
  stop: z.strictObject({ reason: reasonText, legalBasis: labelText.optional() }),
  /** The applicant's request to stop (in person, by post, or through the portal) and the notice number (form 05). */
  'stop-at-request': z.strictObject({
    requestChannel: z.enum(['in_person', 'postal', 'online']),
    reason: reasonText.optional(),
    noticeNumber: referenceText(64).optional(),
  }),
  /** Liên thông: the agencies of the next stage order to send the dossier to (parallel stages: several). */
  transfer: z.strictObject({
    agencyCodes: z.array(agencyCode).min(1).max(20),
    mode: z.enum(['electronic', 'paper']).default('electronic'),
  }),
  /** The stage taken: needed only when the caller may accept more than one (external stages entered by the lead agency). */
  'accept-stage': z.strictObject({
    agencyCode: agencyCode.optional(),
    /** The officer of the agency who takes the stage's first step. */
    officerId: uuid.optional(),
  }),
  /** What the stage returns; absent: what the procedure says it hands on. */
  'hand-back': z.strictObject({
    agencyCode: agencyCode.optional(),
    handsOn: z
      .array(
        z.strictObject({ kind: z.enum(['document', 'result']), code: codeText(), name: labelText }),
      )
      .max(50)
      .optional(),
    note: reasonText.optional(),
  }),
  /** Liên thông: the caller's stage moves to its next internal step (named when it may act on several). */
  'complete-stage-step': z.strictObject({
    agencyCode: agencyCode.optional(),
    note: reasonText.optional(),
    nextOfficerId: uuid.optional(),
  }),
} satisfies Record<DossierAction, z.ZodType>;

export const ACTION_BODIES = Object.fromEntries(
  Object.entries(ACTION_BODY_SCHEMAS).map(([action, schema]) => [action, requestSchemaOf(schema)]),
) as typeof ACTION_BODY_SCHEMAS;

export type ActionBody<A extends DossierAction> = z.infer<(typeof ACTION_BODY_SCHEMAS)[A]>;
