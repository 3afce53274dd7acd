import { z } from 'zod';
import { defineEvent } from '../define-event';
import { label, procedureCode, uuid } from './common.schemas';
import { publicationDecisionSchema } from './procedure.events';

/**
 * Mã nhóm TTHC liên thông: the code a province gives a group of procedures resolved together
 * (e.g. `LT.H26.001`). It has a letter, so it never reads as a national procedure code
 * (`1.005432`), with which it shares the topic's key.
 */
export const procedureGroupCode = z
  .string()
  .max(32)
  .regex(
    /^(?=[^.-]*[A-Z])[A-Z0-9]{1,8}(?:[.-][A-Z0-9]{1,8}){0,4}$/,
    'must be a group code like LT.H26.001 (capitals and digits, with a letter, in dotted parts)',
  );

/**
 * Nhóm TTHC liên thông: procedures an applicant goes through together for one life event or
 * one case (e.g. the land and tax procedures after a public house-and-land rearrangement),
 * received once and resolved by the agencies of its procedures. Versioned by publication
 * decision like a procedure.
 */
export const procedureGroupSchema = z.object({
  groupId: uuid,
  code: procedureGroupCode,
  version: z.number().int().positive(),
  name: label,
  /** Sự kiện, tình huống: what the applicant comes for (optional). */
  lifeEvent: label.optional(),
  /** Member procedures, by national code, in the order the applicant meets them. */
  procedureCodes: z.array(procedureCode).min(2),
  decision: publicationDecisionSchema,
});
export type ProcedureGroupVersion = z.infer<typeof procedureGroupSchema>;

export const procedureGroupPublished = defineEvent({
  name: 'motcua.procedure.group-published',
  version: 1,
  topic: 'catalog.procedure.v1',
  keyField: 'code',
  source: '/motcua/catalog',
  summary:
    'A version of a group of inter-agency procedures (nhóm TTHC liên thông) came into force through a publication decision: its whole record, keyed by the group code.',
  schema: procedureGroupSchema,
  example: {
    groupId: '5d0c7a52-6a43-4c1e-9e58-3f1f0c2b7d10',
    code: 'LT.H26.001',
    version: 1,
    name: 'Nhóm thủ tục liên thông sắp xếp lại, xử lý nhà, đất',
    lifeEvent: 'Sắp xếp lại, xử lý nhà, đất thuộc sở hữu nhà nước',
    procedureCodes: ['1.013101', '1.013102', '1.013103'],
    decision: {
      number: '120/QĐ-UBND',
      kind: 'new',
      signedOn: '2026-01-05',
      effectiveFrom: '2026-01-15',
    },
  },
});
