import { z } from 'zod';
import { defineEvent } from '../define-event';
import {
  agencyCode,
  applicantType,
  channel,
  isoDate,
  onlineLevel,
  procedureCode,
  procedureLevel,
  timeLimit,
  uuid,
} from './common.schemas';

const SOURCE = '/motcua/catalog';

/** Thành phần hồ sơ: one required (or optional) document of a procedure. */
export const requiredDocumentSchema = z.object({
  code: z.string().min(1).max(32),
  name: z.string().min(1),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  required: z.boolean(),
  form: z.string().optional(),
});

/** Quy trình nội bộ: an ordered step, its responsible unit and its share of the time limit. */
export const workflowStepSchema = z.object({
  order: z.number().int().positive(),
  name: z.string().min(1),
  unitCode: z.string().min(1),
  unitName: z.string().min(1),
  share: z.number().positive(),
});

/**
 * What a stage of an inter-agency procedure hands on to the next stage (or back to the
 * receiving desk): a document of the dossier, or the agency's own result
 * (e.g. the tax code that the next agency needs).
 */
export const stageHandOnSchema = z.object({
  kind: z.enum(['document', 'result']),
  code: z.string().min(1).max(32),
  name: z.string().min(1),
});

/**
 * One agency's stage of an inter-agency procedure (TTHC liên thông). Stages with the same
 * `order` run in parallel; a higher order starts when every stage of the lower order has
 * handed back. `share` is the stage's part of the procedure's time limit, in the
 * procedure's unit. An `external` stage is an agency outside the province's system (a
 * ministry, a national body): its answer arrives by event or by an officer's entry.
 * `workflow` is the stage's internal steps (Quy trình nội bộ), absent for external stages.
 */
export const interAgencyStageSchema = z.object({
  order: z.number().int().positive(),
  agencyCode,
  agencyName: z.string().min(1),
  external: z.boolean(),
  share: z.number().positive(),
  handsOn: z.array(stageHandOnSchema),
  workflow: z.array(workflowStepSchema).min(1).optional(),
});

/**
 * Liên thông: the chain of agencies that resolve an inter-agency procedure.
 * `direction`: horizontal (agencies of the same level, e.g. Finance then Planning and
 * Investment) or vertical (province to ministry, commune to province).
 * Rule (checked by the catalog's completeness check): for each order, the largest share of
 * its stages; those add up to the procedure's time limit.
 */
export const interAgencyChainSchema = z.object({
  direction: z.enum(['horizontal', 'vertical']),
  stages: z.array(interAgencyStageSchema).min(2),
});
export type InterAgencyChain = z.infer<typeof interAgencyChainSchema>;

export const publicationDecisionSchema = z.object({
  number: z.string().min(1),
  kind: z.enum(['new', 'amended', 'replaced', 'abolished']),
  signedOn: isoDate,
  effectiveFrom: isoDate,
});

/** The whole record of one version of a procedure, as the catalog published it. */
export const procedureVersionSchema = z.object({
  procedureId: uuid,
  code: procedureCode,
  version: z.number().int().positive(),
  name: z.string().min(1),
  domainCode: z.string().min(1),
  domainName: z.string().min(1),
  level: procedureLevel,
  agencyCode,
  decidingAgency: z.string().min(1),
  onlineLevel,
  channels: z.array(channel).min(1),
  applicantTypes: z.array(applicantType).min(1),
  steps: z.array(z.string().min(1)).min(1),
  requiredDocuments: z.array(requiredDocumentSchema).min(1),
  timeLimit,
  result: z.object({ type: z.string().min(1), name: z.string().min(1) }),
  conditions: z.array(z.string()),
  fees: z.array(
    z.object({
      kind: z.enum(['fee', 'charge']),
      name: z.string().min(1),
      amountVnd: z.number().int().min(0),
    }),
  ),
  legalBasis: z.array(z.string().min(1)).min(1),
  workflow: z.array(workflowStepSchema).min(1),
  /** Present only for an inter-agency procedure (TTHC liên thông). */
  interAgency: interAgencyChainSchema.optional(),
  decision: publicationDecisionSchema,
});

export type ProcedureVersion = z.infer<typeof procedureVersionSchema>;

const exampleProcedure: ProcedureVersion = {
  procedureId: '0b9f3f0e-5d7a-4e43-9b1c-2a4c1b1f7a01',
  code: '1.005432',
  version: 1,
  name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
  domainCode: 'QLG',
  domainName: 'Quản lý giá',
  level: 'province',
  agencyCode: '000.00.15.H26',
  decidingAgency: 'Sở Tài chính',
  onlineLevel: 'full',
  channels: ['in_person', 'online', 'postal'],
  applicantTypes: ['business'],
  steps: ['Nộp hồ sơ tại Bộ phận một cửa', 'Thẩm định', 'Trả kết quả'],
  requiredDocuments: [
    {
      code: 'BDKG',
      name: 'Biểu mẫu đăng ký giá',
      originals: 1,
      copies: 0,
      required: true,
      form: 'Mẫu 01',
    },
  ],
  timeLimit: { value: 5, unit: 'working_days' },
  result: { type: 'notice', name: 'Thông báo tiếp nhận Biểu mẫu đăng ký giá' },
  conditions: [],
  fees: [],
  legalBasis: ['Nghị định 85/2024/NĐ-CP'],
  workflow: [
    { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
    { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', unitName: 'Phòng Quản lý giá', share: 4 },
    { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
  ],
  decision: {
    number: '123/QĐ-UBND',
    kind: 'new',
    signedOn: '2026-01-05',
    effectiveFrom: '2026-01-15',
  },
};

export const procedurePublished = defineEvent({
  name: 'motcua.procedure.published',
  version: 1,
  topic: 'catalog.procedure.v1',
  keyField: 'code',
  source: SOURCE,
  summary:
    'A procedure (new, or replacing another) came into force through a publication decision. Carries the whole record so that consumers keep their own copy.',
  schema: procedureVersionSchema.extend({ replacesCode: procedureCode.optional() }),
  example: exampleProcedure,
});

export const procedureAmended = defineEvent({
  name: 'motcua.procedure.amended',
  version: 1,
  topic: 'catalog.procedure.v1',
  keyField: 'code',
  source: SOURCE,
  summary:
    'A new version of a procedure came into force (amendment decision). Carries the whole new version.',
  schema: procedureVersionSchema,
  example: {
    ...exampleProcedure,
    version: 2,
    decision: { ...exampleProcedure.decision, kind: 'amended' },
  },
});

export const procedureAbolished = defineEvent({
  name: 'motcua.procedure.abolished',
  version: 1,
  topic: 'catalog.procedure.v1',
  keyField: 'code',
  source: SOURCE,
  summary:
    'A procedure was abolished or replaced; no new dossier may be received for it from effectiveFrom.',
  schema: z.object({
    procedureId: uuid,
    code: procedureCode,
    version: z.number().int().positive(),
    decision: publicationDecisionSchema,
    replacedByCode: procedureCode.optional(),
  }),
  example: {
    procedureId: exampleProcedure.procedureId,
    code: exampleProcedure.code,
    version: 2,
    decision: {
      number: '456/QĐ-UBND',
      kind: 'abolished',
      signedOn: '2026-06-01',
      effectiveFrom: '2026-07-01',
    },
  },
});
