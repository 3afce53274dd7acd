import { todayInVietnam } from '@motcua/calendar';
import { demoCodesOf, type DomainCode } from './demo-procedures';

/**
 * Review campaigns (rà soát, đánh giá, đơn giản hóa TTHC) of Phụ lục 02 of the plan: one per
 * domain, each with the department the plan names (the domain's default in the catalog) and
 * the 30/6 deadline. The year is the current one in Vietnam until 30/6, then the next one, so
 * that the demo always shows campaigns running against a coming deadline. Marked as demo data.
 */
const DOMAIN_NAMES: Record<DomainCode, string> = {
  THTK: 'Tin học thống kê tài chính',
  TCNS: 'Tài chính ngân sách',
  TCDN: 'Tài chính doanh nghiệp',
  QLG: 'Quản lý giá',
  QLCS: 'Quản lý công sản',
};

export function campaignYear(now = new Date()): number {
  const today = todayInVietnam(now);
  const year = Number(today.slice(0, 4));
  return today.slice(5, 10) <= '06-30' ? year : year + 1;
}

export function demoCampaigns(year = campaignYear()) {
  return (Object.keys(DOMAIN_NAMES) as DomainCode[]).map((domainCode) => ({
    name: `Rà soát, đánh giá TTHC lĩnh vực ${DOMAIN_NAMES[domainCode]} năm ${year} (dữ liệu mẫu)`,
    year,
    planReference: 'KH-STC (Phụ lục 02, dữ liệu mẫu)',
    domainCode,
    deadline: `${year}-06-30`,
    procedureCodes: demoCodesOf(domainCode),
    demo: true,
  }));
}

/** First results of the price-management campaign: one evaluation and one proposal (figures of scale from a Hà Nội plan). */
export const DEMO_PRICE_REVIEW = {
  evaluation: {
    procedureCode: '1.005432',
    criteria: {
      necessity: { assessment: 'meets', findings: [] },
      reasonableness: {
        assessment: 'partially_meets',
        findings: [
          'Yêu cầu bản sao Giấy chứng nhận đăng ký doanh nghiệp trùng với dữ liệu đã có trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
        ],
      },
      legality: { assessment: 'meets', findings: [] },
      complianceCost: {
        assessment: 'partially_meets',
        findings: ['Chi phí đi lại, sao chụp cao với hồ sơ giấy'],
      },
    },
    conclusion: 'simplify',
  },
  proposal: {
    procedureCode: '1.005432',
    // No removedDocumentCodes: a catalog seeded by an older version of this script has no GPKD document.
    proposals: [
      'Khai thác Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp thay cho bản sao giấy tờ',
      'Rút ngắn thời hạn giải quyết từ 5 xuống 3 ngày làm việc',
    ],
    proposedTimeLimit: 3,
    cost: {
      current: { workCostVnd: 1_024_000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 3228 },
      proposed: { workCostVnd: 231_000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 3228 },
    },
  },
};
