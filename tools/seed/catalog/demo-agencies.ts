import type { AgencyNode } from '@motcua/contracts';

/**
 * The demo province's agency tree (codes illustrative): the Department of Finance, and the two
 * departments its inter-agency procedures pass through after the 2025 reorganisation (Sở Kế
 * hoạch và Đầu tư merged into Sở Tài chính; Sở Tài nguyên và Môi trường with Sở Nông nghiệp và
 * Phát triển nông thôn into Sở Nông nghiệp và Môi trường). The centre receives for all three.
 */
export const DEMO_PROVINCE = '000.00.00.H26';
export const DEMO_CENTRE = '000.00.31.H26';
export const FINANCE = '000.00.15.H26';
export const AGRICULTURE_ENVIRONMENT = '000.00.13.H26';
export const CONSTRUCTION = '000.00.17.H26';
/** Thuế tỉnh: the provincial tax office, under the Ministry of Finance's tax department — outside the tree (external stages). */
export const PROVINCIAL_TAX = '000.26.00.G12';

export const DEMO_AGENCY_TREE: { provinceCode: string; nodes: AgencyNode[] } = {
  provinceCode: DEMO_PROVINCE,
  nodes: [
    { kind: 'province', code: DEMO_PROVINCE, name: 'Ủy ban nhân dân tỉnh (dữ liệu mẫu)' },
    { kind: 'department', code: FINANCE, name: 'Sở Tài chính', parentCode: DEMO_PROVINCE },
    {
      kind: 'centre',
      code: DEMO_CENTRE,
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      parentCode: DEMO_PROVINCE,
      receivesFor: [FINANCE, AGRICULTURE_ENVIRONMENT, CONSTRUCTION],
    },
    {
      kind: 'department',
      code: AGRICULTURE_ENVIRONMENT,
      name: 'Sở Nông nghiệp và Môi trường',
      parentCode: DEMO_PROVINCE,
    },
    { kind: 'department', code: CONSTRUCTION, name: 'Sở Xây dựng', parentCode: DEMO_PROVINCE },
    { kind: 'unit', code: 'VP.MC', name: 'Bộ phận một cửa', parentCode: FINANCE },
    { kind: 'unit', code: 'LD.STC', name: 'Lãnh đạo Sở Tài chính', parentCode: FINANCE },
    { kind: 'unit', code: 'P.QLG', name: 'Phòng Quản lý Giá', parentCode: FINANCE },
    { kind: 'unit', code: 'P.QLNS', name: 'Phòng Quản lý ngân sách', parentCode: FINANCE },
    {
      kind: 'unit',
      code: 'P.QLCS',
      name: 'Phòng Quản lý công sản & Tài chính doanh nghiệp',
      parentCode: FINANCE,
    },
    { kind: 'unit', code: 'VP.MC', name: 'Bộ phận một cửa của Trung tâm', parentCode: DEMO_CENTRE },
    {
      kind: 'unit',
      code: 'P.QLDD',
      name: 'Phòng Quản lý đất đai',
      parentCode: AGRICULTURE_ENVIRONMENT,
    },
    {
      kind: 'unit',
      code: 'LD.SNNMT',
      name: 'Lãnh đạo Sở Nông nghiệp và Môi trường',
      parentCode: AGRICULTURE_ENVIRONMENT,
    },
    { kind: 'unit', code: 'P.QHKT', name: 'Phòng Quy hoạch - Kiến trúc', parentCode: CONSTRUCTION },
    { kind: 'unit', code: 'LD.SXD', name: 'Lãnh đạo Sở Xây dựng', parentCode: CONSTRUCTION },
  ],
};
