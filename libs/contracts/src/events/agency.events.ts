import { z } from 'zod';
import { defineEvent } from '../define-event';
import { agencyCode, isoDateTime, unitCode } from './common.schemas';

/**
 * Cây cơ quan: the province's agencies as the catalog publishes them (province → department or
 * centre → unit). Every service keeps a copy and decides from it which dossiers an officer may see:
 * a department's officers act on its dossiers, the provincial public administration centre
 * (Trung tâm Phục vụ hành chính công) also on those it receives for the departments it serves.
 */
export const agencyNodeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('province'), code: agencyCode, name: z.string().min(1) }),
  z.object({
    kind: z.literal('department'),
    code: agencyCode,
    name: z.string().min(1),
    parentCode: agencyCode,
  }),
  z.object({
    kind: z.literal('centre'),
    code: agencyCode,
    name: z.string().min(1),
    parentCode: agencyCode,
    /** Departments whose dossiers this centre receives and returns (tiếp nhận, trả kết quả thay). */
    receivesFor: z.array(agencyCode),
  }),
  /** A unit (phòng, bộ phận) of a department or centre; its code is unique within its agency only. */
  z.object({
    kind: z.literal('unit'),
    code: unitCode,
    name: z.string().min(1),
    parentCode: agencyCode,
  }),
]);
export type AgencyNode = z.infer<typeof agencyNodeSchema>;

/** The nodes of one tree: every parent, and every department a centre receives for, is in the tree. */
export const agencyTreeNodesSchema = z
  .array(agencyNodeSchema)
  .min(1)
  .superRefine((nodes, ctx) => {
    const agencies = new Set(nodes.filter((n) => n.kind !== 'unit').map((n) => n.code));
    nodes.forEach((node, i) => {
      if (node.kind === 'province') return;
      if (!agencies.has(node.parentCode)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'parentCode'],
          message: `parent ${node.parentCode} is not in the tree`,
        });
      }
      if (node.kind === 'centre') {
        node.receivesFor
          .filter((code) => !agencies.has(code))
          .forEach((code) =>
            ctx.addIssue({
              code: 'custom',
              path: [i, 'receivesFor'],
              message: `${code} is not in the tree`,
            }),
          );
      }
    });
  });

export const agencyTreePublished = defineEvent({
  name: 'motcua.agency.tree-published',
  version: 1,
  topic: 'catalog.agency.v1',
  keyField: 'provinceCode',
  source: '/motcua/catalog',
  summary:
    'The whole agency tree of a province, replacing the previous one: consumers keep the highest version (no personal data).',
  schema: z.object({
    provinceCode: agencyCode,
    /** Increases with every publication; a consumer ignores a version lower than the one it holds. */
    version: z.int().positive(),
    occurredAt: isoDateTime,
    nodes: agencyTreeNodesSchema,
  }),
  example: {
    provinceCode: '000.00.00.H26',
    version: 1,
    occurredAt: '2026-12-01T08:00:00+07:00',
    nodes: [
      { kind: 'province', code: '000.00.00.H26', name: 'Ủy ban nhân dân tỉnh' },
      {
        kind: 'department',
        code: '000.00.15.H26',
        name: 'Sở Tài chính',
        parentCode: '000.00.00.H26',
      },
      {
        kind: 'centre',
        code: '000.00.31.H26',
        name: 'Trung tâm Phục vụ hành chính công tỉnh',
        parentCode: '000.00.00.H26',
        receivesFor: ['000.00.15.H26'],
      },
      { kind: 'unit', code: 'VP.MC', name: 'Bộ phận một cửa', parentCode: '000.00.15.H26' },
      { kind: 'unit', code: 'P.QLG', name: 'Phòng Quản lý giá', parentCode: '000.00.15.H26' },
    ],
  },
});
