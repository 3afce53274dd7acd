import type { InterAgencyChain } from '@motcua/contracts';
import { AGRICULTURE_ENVIRONMENT, CONSTRUCTION, FINANCE, PROVINCIAL_TAX } from './demo-agencies';

/**
 * Demo inter-agency procedures (TTHC liên thông, dữ liệu mẫu) of the Department of Finance's
 * public-asset domain (QLCS), after the 2025 reorganisation: one sequential across two
 * departments, one with two departments in parallel, one vertical to the provincial tax office
 * (Thuế tỉnh, under the Ministry of Finance) as an external stage; and the group they form.
 * Codes, decision numbers and shares are illustrative, not the official national database.
 * The model: docs/inter-agency.md.
 */
type Stage = InterAgencyChain['stages'][number];
type Step = NonNullable<Stage['workflow']>[number];

const STC = { agencyCode: FINANCE, agencyName: 'Sở Tài chính', external: false };
const SNNMT = {
  agencyCode: AGRICULTURE_ENVIRONMENT,
  agencyName: 'Sở Nông nghiệp và Môi trường',
  external: false,
};
const SXD = { agencyCode: CONSTRUCTION, agencyName: 'Sở Xây dựng', external: false };
const THUE = {
  agencyCode: PROVINCIAL_TAX,
  agencyName: 'Thuế tỉnh (Cục Thuế, Bộ Tài chính)',
  external: true,
};

const DESK = {
  unitCode: 'VP.MC',
  unitName: 'Bộ phận một cửa (Trung tâm Phục vụ hành chính công tỉnh)',
};
const ASSETS = { unitCode: 'P.QLCS', unitName: 'Phòng Quản lý công sản & Tài chính doanh nghiệp' };
const STC_LEADER = { unitCode: 'LD.STC', unitName: 'Lãnh đạo Sở Tài chính' };
const LAND = { unitCode: 'P.QLDD', unitName: 'Phòng Quản lý đất đai' };
const SNNMT_LEADER = { unitCode: 'LD.SNNMT', unitName: 'Lãnh đạo Sở Nông nghiệp và Môi trường' };
const PLANNING = { unitCode: 'P.QHKT', unitName: 'Phòng Quy hoạch - Kiến trúc' };
const SXD_LEADER = { unitCode: 'LD.SXD', unitName: 'Lãnh đạo Sở Xây dựng' };

const steps = (
  ...list: [name: string, unit: { unitCode: string; unitName: string }, share: number][]
): Step[] => list.map(([name, unit, share], i) => ({ order: i + 1, name, ...unit, share }));
const doc = (code: string, name: string) => ({ kind: 'document' as const, code, name });
const result = (code: string, name: string) => ({ kind: 'result' as const, code, name });

/**
 * The procedure's own workflow (Quy trình nội bộ, required of every procedure) as the receiving
 * desk follows it: an order with one stage of the province contributes that stage's steps; a
 * parallel order or an external stage one waiting step of the order's length.
 */
function chainWorkflow(chain: InterAgencyChain): Step[] {
  const orders = [...new Set(chain.stages.map((s) => s.order))].sort((a, b) => a - b);
  const flat = orders.flatMap((order) => {
    const stages = chain.stages.filter((s) => s.order === order);
    if (stages.length === 1 && stages[0].workflow)
      return stages[0].workflow.map(({ order: _o, ...step }) => step);
    const names = stages.map((s) => s.agencyName).join(', ');
    return [
      {
        name: `Chờ kết quả liên thông: ${names}`,
        ...DESK,
        share: Math.max(...stages.map((s) => s.share)),
      },
    ];
  });
  return flat.map((step, i) => ({ order: i + 1, ...step }));
}

type Spec = {
  code: string;
  name: string;
  days: number;
  direction: InterAgencyChain['direction'];
  stages: Stage[];
  documents: [
    code: string,
    name: string,
    originals: number,
    copies: number,
    required: boolean,
    form?: string,
  ][];
  result: [type: string, name: string];
  legalBasis: string[];
  steps: string[];
};

function decision(spec: Spec) {
  const interAgency: InterAgencyChain = { direction: spec.direction, stages: spec.stages };
  return {
    demo: true,
    decision: {
      number: '121/QĐ-UBND',
      kind: 'new',
      signedOn: '2026-01-05',
      effectiveFrom: '2026-01-15',
    },
    procedure: {
      code: spec.code,
      name: spec.name,
      domainCode: 'QLCS',
      level: 'province',
      agencyCode: FINANCE,
      decidingAgency: 'Ủy ban nhân dân tỉnh (Sở Tài chính chủ trì)',
      onlineLevel: 'partial',
      channels: ['in_person', 'online', 'postal'],
      applicantTypes: ['state_body', 'organisation'],
      steps: spec.steps,
      requiredDocuments: spec.documents.map(([code, name, originals, copies, required, form]) => ({
        code,
        name,
        originals,
        copies,
        required,
        ...(form ? { form } : {}),
      })),
      timeLimit: { value: spec.days, unit: 'working_days' },
      result: { type: spec.result[0], name: spec.result[1] },
      conditions: [],
      fees: [],
      legalBasis: spec.legalBasis,
      workflow: chainWorkflow(interAgency),
      interAgency,
    },
  };
}

const SPECS: Spec[] = [
  {
    // Sequential, horizontal: Sở Tài chính 15, then Sở Nông nghiệp và Môi trường 10 = 25 working days.
    code: '1.013101',
    name: 'Phê duyệt phương án xử lý nhà, đất theo hình thức chuyển giao về địa phương quản lý, xử lý',
    days: 25,
    direction: 'horizontal',
    stages: [
      {
        order: 1,
        ...STC,
        share: 15,
        handsOn: [
          result('QD-PA', 'Quyết định phê duyệt phương án xử lý nhà, đất'),
          doc('GT-DD', 'Giấy tờ về quyền sử dụng đất'),
        ],
        workflow: steps(
          ['Tiếp nhận, kiểm tra hồ sơ', DESK, 0.5],
          ['Thẩm định phương án, kiểm tra hiện trạng', ASSETS, 12],
          ['Xem xét, trình Ủy ban nhân dân tỉnh phê duyệt', STC_LEADER, 2],
          ['Chuyển hồ sơ liên thông', DESK, 0.5],
        ),
      },
      {
        order: 2,
        ...SNNMT,
        share: 10,
        handsOn: [result('QD-GD', 'Quyết định giao đất, cho thuê đất cho tổ chức tiếp nhận')],
        workflow: steps(
          ['Lập hồ sơ thu hồi, giao đất, cho thuê đất', LAND, 8],
          ['Xem xét, trình Ủy ban nhân dân tỉnh quyết định', SNNMT_LEADER, 2],
        ),
      },
    ],
    documents: [
      ['VB-DN', 'Văn bản đề nghị phê duyệt phương án chuyển giao nhà, đất', 1, 0, true],
      ['PA-XL', 'Phương án xử lý nhà, đất đã được cấp có thẩm quyền chấp thuận', 1, 0, true],
      ['GT-DD', 'Giấy tờ về quyền sử dụng đất', 0, 1, true],
    ],
    result: ['decision', 'Quyết định phê duyệt phương án và quyết định giao đất, cho thuê đất'],
    legalBasis: [
      'Luật Quản lý, sử dụng tài sản công 2017',
      'Nghị định 108/2024/NĐ-CP',
      'Luật Đất đai 2024',
    ],
    steps: [
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh, trực tuyến hoặc qua bưu chính công ích',
      'Sở Tài chính thẩm định, trình phê duyệt phương án',
      'Sở Nông nghiệp và Môi trường làm thủ tục giao đất, cho thuê đất',
      'Trả kết quả',
    ],
  },
  {
    // Parallel: Sở Tài chính 5, then Sở Xây dựng 10 ‖ Sở Nông nghiệp và Môi trường 12, then Sở Tài chính 13 = 5 + 12 + 13 = 30.
    code: '1.013102',
    name: 'Phê duyệt phương án sắp xếp lại, xử lý nhà, đất thuộc sở hữu nhà nước của cơ quan, tổ chức, đơn vị cấp tỉnh',
    days: 30,
    direction: 'horizontal',
    stages: [
      {
        order: 1,
        ...STC,
        share: 5,
        handsOn: [
          doc('PA-SX', 'Phương án đề xuất sắp xếp lại, xử lý nhà, đất'),
          doc('BK-HT', 'Bảng kê khai hiện trạng nhà, đất'),
        ],
        workflow: steps(
          ['Tiếp nhận, kiểm tra hồ sơ', DESK, 0.5],
          ['Kiểm tra hiện trạng, gửi lấy ý kiến các sở', ASSETS, 4.5],
        ),
      },
      {
        order: 2,
        ...SXD,
        share: 10,
        handsOn: [result('YK-QH', 'Ý kiến về quy hoạch xây dựng, kiến trúc')],
        workflow: steps(
          ['Xem xét quy hoạch xây dựng, kiến trúc', PLANNING, 9],
          ['Ký văn bản ý kiến', SXD_LEADER, 1],
        ),
      },
      {
        order: 2,
        ...SNNMT,
        share: 12,
        handsOn: [result('YK-SDD', 'Ý kiến về quy hoạch, kế hoạch sử dụng đất và giá đất')],
        workflow: steps(
          ['Xem xét quy hoạch, kế hoạch sử dụng đất, giá đất', LAND, 11],
          ['Ký văn bản ý kiến', SNNMT_LEADER, 1],
        ),
      },
      {
        order: 3,
        ...STC,
        share: 13,
        handsOn: [result('QD-PD', 'Quyết định phê duyệt phương án sắp xếp lại, xử lý nhà, đất')],
        workflow: steps(
          ['Tổng hợp ý kiến, hoàn thiện phương án', ASSETS, 10],
          ['Xem xét, trình Ủy ban nhân dân tỉnh phê duyệt', STC_LEADER, 2.5],
          ['Trả kết quả', DESK, 0.5],
        ),
      },
    ],
    documents: [
      ['VB-DN', 'Văn bản đề nghị phê duyệt phương án sắp xếp lại, xử lý nhà, đất', 1, 0, true],
      ['PA-SX', 'Phương án đề xuất sắp xếp lại, xử lý nhà, đất', 1, 0, true, 'Mẫu số 02'],
      ['BK-HT', 'Bảng kê khai hiện trạng nhà, đất', 1, 0, true, 'Mẫu số 01'],
      ['GT-DD', 'Giấy tờ về quyền sử dụng đất', 0, 1, false],
    ],
    result: ['decision', 'Quyết định phê duyệt phương án sắp xếp lại, xử lý nhà, đất'],
    legalBasis: [
      'Luật Quản lý, sử dụng tài sản công 2017',
      'Nghị định 167/2017/NĐ-CP',
      'Nghị định 67/2021/NĐ-CP',
    ],
    steps: [
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh, trực tuyến hoặc qua bưu chính công ích',
      'Sở Tài chính kiểm tra hiện trạng, lấy ý kiến Sở Xây dựng và Sở Nông nghiệp và Môi trường',
      'Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh phê duyệt',
      'Trả kết quả',
    ],
  },
  {
    // Vertical: Sở Tài chính 10, then Thuế tỉnh (external) 5, then Sở Tài chính 5 = 20 working days.
    code: '1.013103',
    name: 'Bán tài sản trên đất và chuyển nhượng quyền sử dụng đất là tài sản công theo phương án đã được phê duyệt',
    days: 20,
    direction: 'vertical',
    stages: [
      {
        order: 1,
        ...STC,
        share: 10,
        handsOn: [
          result('PC-TTDC', 'Phiếu chuyển thông tin địa chính để xác định nghĩa vụ tài chính'),
          doc('QD-PD', 'Quyết định phê duyệt phương án sắp xếp lại, xử lý nhà, đất'),
        ],
        workflow: steps(
          ['Tiếp nhận, kiểm tra hồ sơ', DESK, 0.5],
          ['Thẩm định hồ sơ, xác định giá khởi điểm', ASSETS, 8.5],
          ['Ký phiếu chuyển thông tin', STC_LEADER, 1],
        ),
      },
      {
        order: 2,
        ...THUE,
        share: 5,
        handsOn: [result('TB-TSDD', 'Thông báo nộp tiền sử dụng đất')],
      },
      {
        order: 3,
        ...STC,
        share: 5,
        handsOn: [
          result('QD-BAN', 'Quyết định bán tài sản trên đất, chuyển nhượng quyền sử dụng đất'),
        ],
        workflow: steps(
          ['Dự thảo quyết định bán', ASSETS, 3],
          ['Xem xét, trình Ủy ban nhân dân tỉnh quyết định', STC_LEADER, 1.5],
          ['Trả kết quả', DESK, 0.5],
        ),
      },
    ],
    documents: [
      [
        'VB-DN',
        'Văn bản đề nghị bán tài sản trên đất, chuyển nhượng quyền sử dụng đất',
        1,
        0,
        true,
      ],
      ['QD-PD', 'Quyết định phê duyệt phương án sắp xếp lại, xử lý nhà, đất', 0, 1, true],
      ['GT-DD', 'Giấy tờ về quyền sử dụng đất', 0, 1, true],
    ],
    result: ['decision', 'Quyết định bán tài sản trên đất, chuyển nhượng quyền sử dụng đất'],
    legalBasis: [
      'Luật Quản lý, sử dụng tài sản công 2017',
      'Nghị định 167/2017/NĐ-CP',
      'Nghị định 103/2024/NĐ-CP',
    ],
    steps: [
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh, trực tuyến hoặc qua bưu chính công ích',
      'Sở Tài chính thẩm định, chuyển thông tin cho cơ quan thuế',
      'Thuế tỉnh xác định, thông báo nghĩa vụ tài chính',
      'Sở Tài chính trình Ủy ban nhân dân tỉnh quyết định bán',
      'Trả kết quả',
    ],
  },
];

/** The three inter-agency procedures: sequential (1.013101), parallel (1.013102), vertical with an external stage (1.013103). */
export const DEMO_INTER_AGENCY_PROCEDURES = SPECS.map(decision);

/** Nhóm TTHC liên thông: the three, resolved together when a public house-and-land site is rearranged. */
export const DEMO_PROCEDURE_GROUPS = [
  {
    demo: true,
    decision: {
      number: '122/QĐ-UBND',
      kind: 'new',
      signedOn: '2026-01-05',
      effectiveFrom: '2026-01-15',
    },
    group: {
      code: 'LT.H26.001',
      name: 'Nhóm thủ tục liên thông sắp xếp lại, xử lý nhà, đất thuộc sở hữu nhà nước (dữ liệu mẫu)',
      lifeEvent:
        'Sắp xếp lại, xử lý nhà, đất thuộc sở hữu nhà nước của cơ quan, tổ chức, đơn vị cấp tỉnh',
      procedureCodes: ['1.013102', '1.013101', '1.013103'],
    },
  },
];
