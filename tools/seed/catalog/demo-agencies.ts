import type { AgencyNode } from '@motcua/contracts';

/** The demo province's agency tree: the Department of Finance, whose dossiers the centre receives. */
export const DEMO_PROVINCE = '000.00.00.H26';
export const DEMO_CENTRE = '000.00.31.H26';
const FINANCE = '000.00.15.H26';

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
      receivesFor: [FINANCE],
    },
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
  ],
};
