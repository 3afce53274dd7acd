/**
 * Demo catalog (dữ liệu mẫu) of a provincial Department of Finance (Sở Tài chính):
 * plausible procedures of the plan's five review domains. Codes are illustrative.
 */
const AGENCY = '000.00.15.H26';
const DESK = { unitCode: 'VP.MC', unitName: 'Bộ phận một cửa' };

type Domain = { code: string; name: string; unitCode: string; unitName: string };
const QLG: Domain = { code: 'QLG', name: 'Quản lý giá', unitCode: 'P.QLG', unitName: 'Phòng Quản lý giá' };
const QLCS: Domain = { code: 'QLCS', name: 'Quản lý công sản', unitCode: 'P.QLCS', unitName: 'Phòng Quản lý công sản' };

function procedure(code: string, name: string, domain: Domain, days: number, documents: [string, string, boolean][]) {
  return {
    decision: { number: '1234/QĐ-UBND', kind: 'new', signedOn: '2026-01-05', effectiveFrom: '2026-01-15' },
    procedure: {
      code,
      name,
      domainCode: domain.code,
      domainName: domain.name,
      level: 'province',
      agencyCode: AGENCY,
      decidingAgency: 'Sở Tài chính',
      onlineLevel: 'full',
      channels: ['in_person', 'online', 'postal'],
      applicantTypes: ['business', 'organisation'],
      steps: ['Nộp hồ sơ tại Bộ phận một cửa hoặc trực tuyến', 'Thẩm định hồ sơ', 'Trả kết quả'],
      requiredDocuments: documents.map(([docCode, docName, required]) => ({
        code: docCode,
        name: docName,
        originals: 1,
        copies: 0,
        required,
      })),
      timeLimit: { value: days, unit: 'working_days' },
      result: { type: 'document', name: `Kết quả: ${name}` },
      conditions: [],
      fees: [],
      legalBasis: ['Luật Giá 2023', 'Nghị định 85/2024/NĐ-CP'],
      workflow: [
        { order: 1, name: 'Tiếp nhận hồ sơ', ...DESK, share: 0.5 },
        { order: 2, name: 'Thẩm định, trình ký', unitCode: domain.unitCode, unitName: domain.unitName, share: days - 1 },
        { order: 3, name: 'Trả kết quả', ...DESK, share: 0.5 },
      ],
    },
  };
}

export const DEMO_PROCEDURES = [
  procedure('1.005432', 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh', QLG, 5, [
    ['BDKG', 'Biểu mẫu đăng ký giá', true],
  ]),
  procedure('1.005433', 'Kê khai giá của các doanh nghiệp thuộc phạm vi cấp tỉnh', QLG, 3, [
    ['BKKG', 'Biểu mẫu kê khai giá', true],
  ]),
  procedure('1.005434', 'Quyết định giá thuộc thẩm quyền của cấp tỉnh', QLG, 15, [
    ['PAG', 'Phương án giá', true],
    ['VBTD', 'Văn bản thẩm định phương án giá', false],
  ]),
  procedure('1.005435', 'Mua sắm tài sản công phục vụ hoạt động của cơ quan, tổ chức, đơn vị', QLCS, 10, [
    ['VBDN', 'Văn bản đề nghị mua sắm', true],
    ['DMTS', 'Danh mục tài sản đề nghị mua sắm', true],
  ]),
];
