import { procedureInput } from '@motcua/testing';

/** The agencies of a test province's tree (an own province per test file keeps trees apart). */
export function chainAgencies(province: string) {
  const level1 = province.split('.').pop() as string;
  return {
    province,
    finance: `000.00.15.${level1}`,
    environment: `000.00.13.${level1}`,
    construction: `000.00.17.${level1}`,
    /** Outside the tree: an external stage (the provincial tax office of the Ministry of Finance). */
    tax: `000.${level1.slice(-2)}.00.G12`,
  };
}

export type ChainAgencies = ReturnType<typeof chainAgencies>;

/** The agency tree those stages need: the province, its three departments and a unit each. */
export function chainAgencyTree(a: ChainAgencies) {
  return {
    provinceCode: a.province,
    nodes: [
      { kind: 'province', code: a.province, name: 'Ủy ban nhân dân tỉnh (kiểm thử)' },
      { kind: 'department', code: a.finance, name: 'Sở Tài chính', parentCode: a.province },
      {
        kind: 'department',
        code: a.environment,
        name: 'Sở Nông nghiệp và Môi trường',
        parentCode: a.province,
      },
      { kind: 'department', code: a.construction, name: 'Sở Xây dựng', parentCode: a.province },
      { kind: 'unit', code: 'P.QLCS', name: 'Phòng Quản lý công sản', parentCode: a.finance },
      { kind: 'unit', code: 'P.QLDD', name: 'Phòng Quản lý đất đai', parentCode: a.environment },
      {
        kind: 'unit',
        code: 'P.QHKT',
        name: 'Phòng Quy hoạch - Kiến trúc',
        parentCode: a.construction,
      },
    ],
  };
}

const step = (order: number, name: string, unitCode: string, share: number) => ({
  order,
  name,
  unitCode,
  unitName: unitCode,
  share,
});
const result = (code: string, name: string) => ({ kind: 'result' as const, code, name });

/**
 * A sequential chain (10 working days): Sở Tài chính 6, then Sở Nông nghiệp và Môi trường 4,
 * led by Sở Tài chính. The procedure's own workflow follows the chain.
 */
export function sequentialProcedure(code: string, a: ChainAgencies) {
  return {
    ...procedureInput(code),
    name: 'Phê duyệt phương án xử lý nhà, đất (kiểm thử liên thông tuần tự)',
    domainCode: 'QLCS',
    agencyCode: a.finance,
    timeLimit: { value: 10, unit: 'working_days' },
    workflow: [
      step(1, 'Sở Tài chính thẩm định', 'P.QLCS', 6),
      step(2, 'Sở Nông nghiệp và Môi trường', 'P.QLDD', 4),
    ],
    interAgency: {
      direction: 'horizontal' as 'horizontal' | 'vertical',
      stages: [
        {
          order: 1,
          agencyCode: a.finance,
          agencyName: 'Sở Tài chính',
          external: false,
          share: 6,
          handsOn: [
            result('QD-PA', 'Quyết định phê duyệt phương án'),
            { kind: 'document' as const, code: 'BDKG', name: 'Biểu mẫu' },
          ],
          workflow: [
            step(1, 'Tiếp nhận', 'VP.MC', 0.5),
            step(2, 'Thẩm định', 'P.QLCS', 5),
            step(3, 'Chuyển liên thông', 'VP.MC', 0.5),
          ],
        },
        {
          order: 2,
          agencyCode: a.environment,
          agencyName: 'Sở Nông nghiệp và Môi trường',
          external: false,
          share: 4,
          handsOn: [result('QD-GD', 'Quyết định giao đất')],
          workflow: [step(1, 'Lập hồ sơ giao đất', 'P.QLDD', 4)],
        },
      ] as ChainStage[],
    },
  };
}

export type ChainStage = {
  order: number;
  agencyCode: string;
  agencyName: string;
  external: boolean;
  share: number;
  handsOn: { kind: 'document' | 'result'; code: string; name: string }[];
  workflow?: ReturnType<typeof step>[];
};

/**
 * A parallel chain (12 working days): Sở Tài chính 2, then Sở Xây dựng 5 ‖ Sở Nông nghiệp và
 * Môi trường 7, then Sở Tài chính 3: 2 + max(5, 7) + 3 = 12.
 */
export function parallelProcedure(code: string, a: ChainAgencies) {
  const base = sequentialProcedure(code, a);
  const opinion = (agencyCode: string, agencyName: string, share: number): ChainStage => ({
    order: 2,
    agencyCode,
    agencyName,
    external: false,
    share,
    handsOn: [result('YK', 'Văn bản ý kiến')],
  });
  return {
    ...base,
    name: 'Phê duyệt phương án sắp xếp lại nhà, đất (kiểm thử liên thông song song)',
    timeLimit: { value: 12, unit: 'working_days' },
    workflow: [
      step(1, 'Tiếp nhận, lấy ý kiến', 'P.QLCS', 2),
      step(2, 'Chờ ý kiến các sở', 'VP.MC', 7),
      step(3, 'Tổng hợp, trình', 'P.QLCS', 3),
    ],
    interAgency: {
      direction: 'horizontal' as 'horizontal' | 'vertical',
      stages: [
        {
          order: 1,
          agencyCode: a.finance,
          agencyName: 'Sở Tài chính',
          external: false,
          share: 2,
          handsOn: [{ kind: 'document' as const, code: 'BDKG', name: 'Biểu mẫu' }],
        },
        opinion(a.construction, 'Sở Xây dựng', 5),
        opinion(a.environment, 'Sở Nông nghiệp và Môi trường', 7),
        {
          order: 3,
          agencyCode: a.finance,
          agencyName: 'Sở Tài chính',
          external: false,
          share: 3,
          handsOn: [result('QD-PD', 'Quyết định phê duyệt')],
        },
      ] as ChainStage[],
    },
  };
}

/** A vertical chain with an external stage (8 working days): Sở Tài chính 5, then the tax office (external) 3. */
export function verticalProcedure(code: string, a: ChainAgencies) {
  const base = sequentialProcedure(code, a);
  return {
    ...base,
    name: 'Bán tài sản trên đất (kiểm thử liên thông dọc)',
    timeLimit: { value: 8, unit: 'working_days' },
    workflow: [
      step(1, 'Sở Tài chính thẩm định', 'P.QLCS', 5),
      step(2, 'Chờ cơ quan thuế', 'VP.MC', 3),
    ],
    interAgency: {
      direction: 'vertical' as 'horizontal' | 'vertical',
      stages: [
        {
          order: 1,
          agencyCode: a.finance,
          agencyName: 'Sở Tài chính',
          external: false,
          share: 5,
          handsOn: [result('PC', 'Phiếu chuyển thông tin')],
        },
        {
          order: 2,
          agencyCode: a.tax,
          agencyName: 'Thuế tỉnh',
          external: true,
          share: 3,
          handsOn: [result('TB', 'Thông báo nghĩa vụ tài chính')],
        },
      ] as ChainStage[],
    },
  };
}

export function chainDecision(
  procedure: ReturnType<typeof sequentialProcedure>,
  kind: 'new' | 'amended' = 'new',
  effectiveFrom = '2026-01-15',
) {
  return {
    decision: {
      number: `${procedure.code}/QĐ-UBND-${kind}`,
      kind,
      signedOn: '2026-01-05',
      effectiveFrom,
    },
    procedure,
  };
}
