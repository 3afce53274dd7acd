/**
 * Demo catalog (dữ liệu mẫu) of a provincial Department of Finance (Sở Tài chính): plausible
 * procedures of the plan's five review domains. Codes, decision numbers and figures are
 * illustrative, not the official national database. Every decision is sent with `demo: true`.
 */
const AGENCY = '000.00.15.H26';
const DESK = { unitCode: 'VP.MC', unitName: 'Bộ phận một cửa (Trung tâm Hành chính công tỉnh)' };
const LEADER = { unitCode: 'LD.STC', unitName: 'Lãnh đạo Sở Tài chính' };

type Unit = { unitCode: string; unitName: string };
type DomainCode = 'THTK' | 'TCNS' | 'TCDN' | 'QLG' | 'QLCS';
type Domain = { code: DomainCode; reviewer: Unit; decision: string; legalBasis: string[] };

/** Lĩnh vực, the department that processes its dossiers, and the decision that published them. */
export const DEMO_DOMAINS: Record<DomainCode, Domain> = {
  THTK: {
    code: 'THTK',
    reviewer: { unitCode: 'P.QLNS', unitName: 'Phòng Quản lý ngân sách' },
    decision: '112/QĐ-UBND',
    legalBasis: ['Thông tư 185/2015/TT-BTC', 'Thông tư 19/2024/TT-BTC'],
  },
  TCNS: {
    code: 'TCNS',
    reviewer: { unitCode: 'P.QLNS', unitName: 'Phòng Quản lý ngân sách' },
    decision: '113/QĐ-UBND',
    legalBasis: ['Luật Ngân sách nhà nước 2015', 'Nghị định 99/2021/NĐ-CP'],
  },
  TCDN: {
    code: 'TCDN',
    reviewer: {
      unitCode: 'P.QLCS-TCDN',
      unitName: 'Phòng Quản lý công sản & Tài chính doanh nghiệp',
    },
    decision: '114/QĐ-UBND',
    legalBasis: [
      'Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp 2014',
      'Nghị định 91/2015/NĐ-CP',
    ],
  },
  QLG: {
    code: 'QLG',
    reviewer: { unitCode: 'P.QLG', unitName: 'Phòng Quản lý Giá' },
    decision: '115/QĐ-UBND',
    legalBasis: ['Luật Giá 2023', 'Nghị định 85/2024/NĐ-CP'],
  },
  QLCS: {
    code: 'QLCS',
    reviewer: {
      unitCode: 'P.QLCS-TCDN',
      unitName: 'Phòng Quản lý công sản & Tài chính doanh nghiệp',
    },
    decision: '116/QĐ-UBND',
    legalBasis: ['Luật Quản lý, sử dụng tài sản công 2017', 'Nghị định 151/2017/NĐ-CP'],
  },
};

type Document = [
  code: string,
  name: string,
  originals: number,
  copies: number,
  required: boolean,
  form?: string,
];
type Spec = {
  code: string;
  name: string;
  domain: DomainCode;
  days: number;
  unit?: 'working_days' | 'calendar_days';
  online: 'full' | 'partial' | 'none';
  applicants: ('citizen' | 'business' | 'state_body' | 'organisation')[];
  documents: Document[];
  result: [type: string, name: string];
  fees?: [kind: 'fee' | 'charge', name: string, amountVnd: number][];
  conditions?: string[];
};

/** Quy trình nội bộ: desk ½ day, the department the rest, the Department's leaders 1 day when the limit allows. */
function workflow(days: number, reviewer: Unit) {
  const withLeader = days >= 5;
  return [
    { order: 1, name: 'Tiếp nhận, kiểm tra hồ sơ', ...DESK, share: 0.5 },
    {
      order: 2,
      name: 'Thẩm định hồ sơ, dự thảo kết quả',
      ...reviewer,
      share: days - (withLeader ? 2 : 1),
    },
    ...(withLeader ? [{ order: 3, name: 'Xem xét, ký duyệt', ...LEADER, share: 1 }] : []),
    { order: withLeader ? 4 : 3, name: 'Trả kết quả', ...DESK, share: 0.5 },
  ];
}

function decision(spec: Spec) {
  const domain = DEMO_DOMAINS[spec.domain];
  return {
    demo: true,
    decision: {
      number: domain.decision,
      kind: 'new',
      signedOn: '2026-01-05',
      effectiveFrom: '2026-01-15',
    },
    procedure: {
      code: spec.code,
      name: spec.name,
      domainCode: spec.domain,
      level: 'province',
      agencyCode: AGENCY,
      decidingAgency: 'Sở Tài chính',
      onlineLevel: spec.online,
      channels:
        spec.online === 'none' ? ['in_person', 'postal'] : ['in_person', 'online', 'postal'],
      applicantTypes: spec.applicants,
      steps: [
        spec.online === 'none'
          ? 'Nộp hồ sơ tại Bộ phận một cửa hoặc qua bưu chính công ích'
          : 'Nộp hồ sơ trực tuyến, tại Bộ phận một cửa hoặc qua bưu chính công ích',
        'Bộ phận một cửa kiểm tra, tiếp nhận và chuyển hồ sơ',
        `${domain.reviewer.unitName} thẩm định, trình Lãnh đạo Sở`,
        'Trả kết quả',
      ],
      requiredDocuments: spec.documents.map(([code, name, originals, copies, required, form]) => ({
        code,
        name,
        originals,
        copies,
        required,
        ...(form ? { form } : {}),
      })),
      timeLimit: { value: spec.days, unit: spec.unit ?? 'working_days' },
      result: { type: spec.result[0], name: spec.result[1] },
      conditions: spec.conditions ?? [],
      fees: (spec.fees ?? []).map(([kind, name, amountVnd]) => ({ kind, name, amountVnd })),
      legalBasis: domain.legalBasis,
      workflow: workflow(spec.days, domain.reviewer),
    },
  };
}

const CODE_FORM: Document = [
  'TK-MS',
  'Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách',
  1,
  0,
  true,
  'Mẫu 01-MSNS-BTC',
];

const SPECS: Spec[] = [
  // Tin học thống kê tài chính
  {
    code: '1.009401',
    name: 'Đăng ký mã số đơn vị có quan hệ với ngân sách cho đơn vị dự toán, đơn vị sử dụng ngân sách',
    domain: 'THTK',
    days: 2,
    online: 'full',
    applicants: ['state_body', 'organisation'],
    documents: [CODE_FORM, ['QDTL', 'Quyết định thành lập đơn vị', 0, 1, true]],
    result: ['certificate', 'Giấy chứng nhận mã số đơn vị có quan hệ với ngân sách'],
  },
  {
    code: '1.009402',
    name: 'Đăng ký mã số đơn vị có quan hệ với ngân sách cho dự án đầu tư ở giai đoạn chuẩn bị đầu tư',
    domain: 'THTK',
    days: 2,
    online: 'full',
    applicants: ['state_body', 'organisation'],
    documents: [
      ['TK-DA', 'Tờ khai đăng ký mã số cho dự án đầu tư', 1, 0, true, 'Mẫu 02-MSNS-BTC'],
      ['QDGV', 'Văn bản giao nhiệm vụ chủ đầu tư', 0, 1, true],
    ],
    result: ['certificate', 'Giấy chứng nhận mã số dự án đầu tư'],
  },
  {
    code: '1.009403',
    name: 'Đăng ký mã số đơn vị có quan hệ với ngân sách cho dự án đầu tư ở giai đoạn thực hiện dự án',
    domain: 'THTK',
    days: 2,
    online: 'full',
    applicants: ['state_body', 'organisation'],
    documents: [
      ['TK-DA', 'Tờ khai đăng ký mã số cho dự án đầu tư', 1, 0, true, 'Mẫu 02-MSNS-BTC'],
      ['QDDT', 'Quyết định phê duyệt dự án đầu tư', 0, 1, true],
    ],
    result: ['certificate', 'Giấy chứng nhận mã số dự án đầu tư'],
  },
  {
    code: '1.009404',
    name: 'Thay đổi thông tin đăng ký mã số đơn vị có quan hệ với ngân sách',
    domain: 'THTK',
    days: 2,
    online: 'full',
    applicants: ['state_body', 'organisation'],
    documents: [
      ['TB-TD', 'Thông báo thay đổi thông tin mã số', 1, 0, true, 'Mẫu 06-MSNS-BTC'],
      ['VB-TD', 'Văn bản làm căn cứ thay đổi thông tin', 0, 1, true],
    ],
    result: ['certificate', 'Giấy chứng nhận mã số đã điều chỉnh'],
  },
  // Tài chính ngân sách
  {
    code: '1.009410',
    name: 'Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn đầu tư công thuộc nhóm B',
    domain: 'TCNS',
    days: 120,
    unit: 'calendar_days',
    online: 'partial',
    applicants: ['state_body', 'organisation'],
    documents: [
      ['TT-QT', 'Tờ trình đề nghị phê duyệt quyết toán', 1, 0, true],
      ['BC-QT', 'Báo cáo quyết toán dự án hoàn thành', 1, 0, true, 'Mẫu 01/QTDA'],
      ['BC-KT', 'Báo cáo kiểm toán độc lập', 1, 0, false],
    ],
    result: ['decision', 'Quyết định phê duyệt quyết toán dự án hoàn thành'],
    fees: [['fee', 'Chi phí thẩm tra, phê duyệt quyết toán', 45_000_000]],
  },
  {
    code: '1.009411',
    name: 'Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn đầu tư công thuộc nhóm C',
    domain: 'TCNS',
    days: 90,
    unit: 'calendar_days',
    online: 'partial',
    applicants: ['state_body', 'organisation'],
    documents: [
      ['TT-QT', 'Tờ trình đề nghị phê duyệt quyết toán', 1, 0, true],
      ['BC-QT', 'Báo cáo quyết toán dự án hoàn thành', 1, 0, true, 'Mẫu 01/QTDA'],
    ],
    result: ['decision', 'Quyết định phê duyệt quyết toán dự án hoàn thành'],
    fees: [['fee', 'Chi phí thẩm tra, phê duyệt quyết toán', 12_000_000]],
  },
  {
    code: '1.009412',
    name: 'Thẩm định dự toán kinh phí thực hiện nhiệm vụ chi thường xuyên có tính chất đầu tư',
    domain: 'TCNS',
    days: 15,
    online: 'partial',
    applicants: ['state_body'],
    documents: [
      ['VB-DN', 'Văn bản đề nghị thẩm định dự toán', 1, 0, true],
      ['DT-CT', 'Dự toán chi tiết kèm thuyết minh', 1, 0, true],
    ],
    result: ['document', 'Văn bản thẩm định dự toán'],
  },
  {
    code: '1.009413',
    name: 'Xét duyệt, thẩm định quyết toán ngân sách năm của đơn vị dự toán cấp tỉnh',
    domain: 'TCNS',
    days: 30,
    online: 'none',
    applicants: ['state_body'],
    documents: [
      [
        'BC-QTN',
        'Báo cáo quyết toán ngân sách năm',
        1,
        0,
        true,
        'Phụ lục Thông tư 137/2017/TT-BTC',
      ],
    ],
    result: ['notice', 'Thông báo thẩm định quyết toán năm'],
  },
  // Tài chính doanh nghiệp
  {
    code: '2.001020',
    name: 'Thẩm định phương án cổ phần hóa doanh nghiệp nhà nước do Ủy ban nhân dân tỉnh quản lý',
    domain: 'TCDN',
    days: 30,
    online: 'none',
    applicants: ['business'],
    documents: [
      ['PA-CPH', 'Phương án cổ phần hóa', 1, 0, true],
      ['HS-XDGT', 'Hồ sơ xác định giá trị doanh nghiệp', 1, 0, true],
    ],
    result: ['document', 'Văn bản thẩm định phương án cổ phần hóa'],
  },
  {
    code: '2.001021',
    name: 'Phê duyệt kế hoạch tài chính của doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ',
    domain: 'TCDN',
    days: 15,
    online: 'partial',
    applicants: ['business'],
    documents: [
      ['KH-TC', 'Kế hoạch tài chính năm', 1, 0, true],
      ['BC-TC', 'Báo cáo tài chính năm trước đã kiểm toán', 0, 1, true],
    ],
    result: ['decision', 'Quyết định phê duyệt kế hoạch tài chính'],
  },
  {
    code: '2.001022',
    name: 'Xếp loại doanh nghiệp nhà nước do Ủy ban nhân dân tỉnh quản lý',
    domain: 'TCDN',
    days: 20,
    online: 'partial',
    applicants: ['business'],
    documents: [
      ['BC-XL', 'Báo cáo kết quả xếp loại doanh nghiệp', 1, 0, true],
      ['BC-GS', 'Báo cáo giám sát tài chính', 1, 0, true],
    ],
    result: ['decision', 'Quyết định xếp loại doanh nghiệp'],
  },
  {
    code: '2.001023',
    name: 'Thẩm định quyết toán vốn nhà nước tại thời điểm doanh nghiệp chuyển thành công ty cổ phần',
    domain: 'TCDN',
    days: 30,
    online: 'none',
    applicants: ['business'],
    documents: [
      ['BC-QTV', 'Báo cáo quyết toán vốn nhà nước', 1, 0, true],
      ['BC-KT', 'Báo cáo kiểm toán', 0, 1, true],
    ],
    result: ['decision', 'Quyết định phê duyệt quyết toán vốn nhà nước'],
  },
  // Quản lý giá
  {
    code: '1.005432',
    name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
    domain: 'QLG',
    days: 5,
    online: 'full',
    applicants: ['business', 'organisation'],
    documents: [
      ['BDKG', 'Biểu mẫu đăng ký giá', 1, 0, true, 'Mẫu 01'],
      ['GPKD', 'Giấy chứng nhận đăng ký doanh nghiệp', 0, 1, false],
    ],
    result: ['notice', 'Thông báo tiếp nhận Biểu mẫu đăng ký giá'],
  },
  {
    code: '1.005433',
    name: 'Kê khai giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
    domain: 'QLG',
    days: 3,
    online: 'full',
    applicants: ['business', 'organisation'],
    documents: [['BKKG', 'Văn bản kê khai giá', 1, 0, true, 'Mẫu 02']],
    result: ['notice', 'Văn bản kê khai giá có dấu tiếp nhận'],
  },
  {
    code: '1.005434',
    name: 'Quyết định giá thuộc thẩm quyền của cấp tỉnh',
    domain: 'QLG',
    days: 15,
    online: 'partial',
    applicants: ['business', 'organisation', 'state_body'],
    documents: [
      ['PAG', 'Phương án giá', 1, 0, true, 'Mẫu 03'],
      ['VBTD', 'Văn bản thẩm định phương án giá', 0, 1, false],
    ],
    result: ['decision', 'Quyết định giá'],
  },
  {
    code: '1.010924',
    name: 'Hiệp thương giá theo đề nghị của bên mua, bên bán',
    domain: 'QLG',
    days: 15,
    online: 'partial',
    applicants: ['business'],
    documents: [
      ['VB-HT', 'Văn bản đề nghị hiệp thương giá', 1, 0, true, 'Mẫu 04'],
      ['PA-HT', 'Phương án giá đề nghị hiệp thương', 1, 0, true],
    ],
    result: ['notice', 'Thông báo kết quả hiệp thương giá'],
  },
  {
    code: '1.010925',
    name: 'Thẩm định phương án giá hàng hóa, dịch vụ do Nhà nước định giá thuộc thẩm quyền cấp tỉnh',
    domain: 'QLG',
    days: 20,
    online: 'none',
    applicants: ['business', 'state_body'],
    documents: [
      ['VB-TD', 'Văn bản đề nghị thẩm định phương án giá', 1, 0, true],
      ['PAG', 'Phương án giá', 1, 0, true, 'Mẫu 03'],
    ],
    result: ['document', 'Văn bản thẩm định phương án giá'],
  },
  // Quản lý công sản
  {
    code: '1.005435',
    name: 'Mua sắm tài sản công phục vụ hoạt động của cơ quan, tổ chức, đơn vị',
    domain: 'QLCS',
    days: 10,
    online: 'partial',
    applicants: ['state_body'],
    documents: [
      ['VBDN', 'Văn bản đề nghị mua sắm', 1, 0, true],
      ['DMTS', 'Danh mục tài sản đề nghị mua sắm', 1, 0, true],
    ],
    result: ['decision', 'Quyết định mua sắm tài sản công'],
  },
  {
    code: '1.005436',
    name: 'Thanh lý tài sản công',
    domain: 'QLCS',
    days: 15,
    online: 'partial',
    applicants: ['state_body'],
    documents: [
      ['VBDN', 'Văn bản đề nghị thanh lý', 1, 0, true],
      ['DMTS', 'Danh mục tài sản đề nghị thanh lý', 1, 0, true],
    ],
    result: ['decision', 'Quyết định thanh lý tài sản công'],
    conditions: ['Tài sản đã hết hạn sử dụng hoặc hư hỏng không thể sửa chữa'],
  },
  {
    code: '1.005437',
    name: 'Điều chuyển tài sản công',
    domain: 'QLCS',
    days: 30,
    unit: 'calendar_days',
    online: 'partial',
    applicants: ['state_body'],
    documents: [
      ['VBDN', 'Văn bản đề nghị điều chuyển', 1, 0, true],
      ['VB-NN', 'Văn bản đề nghị được tiếp nhận tài sản', 1, 0, true],
      ['DMTS', 'Danh mục tài sản đề nghị điều chuyển', 1, 0, true],
    ],
    result: ['decision', 'Quyết định điều chuyển tài sản công'],
  },
  {
    code: '1.005438',
    name: 'Bán tài sản công',
    domain: 'QLCS',
    days: 30,
    unit: 'calendar_days',
    online: 'none',
    applicants: ['state_body'],
    documents: [
      ['VBDN', 'Văn bản đề nghị bán tài sản', 1, 0, true],
      ['DMTS', 'Danh mục tài sản đề nghị bán', 1, 0, true],
    ],
    result: ['decision', 'Quyết định bán tài sản công'],
    fees: [['charge', 'Chi phí đấu giá tài sản (theo hợp đồng)', 0]],
  },
  {
    code: '1.005439',
    name: 'Xác lập quyền sở hữu toàn dân đối với tài sản do tổ chức, cá nhân tự nguyện chuyển giao',
    domain: 'QLCS',
    days: 20,
    online: 'none',
    applicants: ['citizen', 'organisation', 'business'],
    documents: [
      ['VB-CG', 'Văn bản đề nghị chuyển giao tài sản', 1, 0, true],
      ['GT-TS', 'Giấy tờ về quyền sở hữu tài sản', 0, 1, true],
    ],
    result: ['decision', 'Quyết định xác lập quyền sở hữu toàn dân'],
  },
];

export const DEMO_PROCEDURES = SPECS.map(decision);

/** Codes of the demo procedures of one domain. */
export function demoCodesOf(domain: DomainCode): string[] {
  return SPECS.filter((spec) => spec.domain === domain).map((spec) => spec.code);
}
export type { DomainCode };
