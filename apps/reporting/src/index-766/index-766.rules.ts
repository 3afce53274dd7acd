import type { FigureName, FigureValue } from '../figures/figure-catalog';

export type CriterionStatus = 'computed' | 'no_data' | 'not_available';
export type GroupCode = 'transparency' | 'progress' | 'online_service' | 'online_payment' | 'satisfaction' | 'digitization';

export type CriterionScore = {
  code: string;
  label: string;
  maxPoints: number;
  formula: string;
  status: CriterionStatus;
  points: number | null;
  numerator: number | null;
  denominator: number | null;
  lastEventAt: string | null;
  reason?: string;
};
export type GroupScore = { code: GroupCode; label: string; maxPoints: number; points: number; criteria: CriterionScore[] };
export type Index766 = {
  /** Out of 100: criteria the system cannot compute yet count 0 (shown as not_available). */
  score: number;
  /** Points of the computed criteria over their own maximum, scaled to 100 (comparable while inputs are missing). */
  scoreOfComputable: number | null;
  computableMaxPoints: number;
  groups: GroupScore[];
};

type Rule =
  | { code: string; label: string; maxPoints: number; figure: FigureName; formula: string }
  | { code: string; label: string; maxPoints: number; missing: string };

/** Decision 766/QĐ-TTg (2022): groups, weights and which events feed each criterion. */
export const INDEX_766: { code: GroupCode; label: string; rules: Rule[] }[] = [
  {
    code: 'transparency', label: 'Công khai, minh bạch',
    rules: [
      { code: 'published_on_time', label: 'Công bố, công khai TTHC đúng hạn', maxPoints: 6, missing: 'catalog events carry the decision dates but not the legal deadline to publish' },
      { code: 'national_db_updated', label: 'Cập nhật CSDL quốc gia về TTHC đúng hạn', maxPoints: 4, missing: 'no event reports updates of the national database' },
      { code: 'complete_records', label: 'Công khai đầy đủ hồ sơ TTHC', maxPoints: 2, missing: 'no event reports which published fields are incomplete' },
      { code: 'realtime_sync', label: 'Đồng bộ hồ sơ lên Cổng DVC quốc gia theo thời gian thực', maxPoints: 6, missing: 'acknowledgements of the national portal are not events yet' },
    ],
  },
  { code: 'progress', label: 'Tiến độ giải quyết', rules: [{ code: 'on_time', label: 'Hồ sơ giải quyết đúng hạn', maxPoints: 20, figure: 'on_time_rate', formula: '20 × đúng hạn / đã giải quyết' }] },
  { code: 'online_service', label: 'Dịch vụ công trực tuyến', rules: [{ code: 'online_received', label: 'Hồ sơ tiếp nhận trực tuyến', maxPoints: 12, figure: 'online_share', formula: '12 × trực tuyến / tiếp nhận' }] },
  { code: 'online_payment', label: 'Thanh toán trực tuyến', rules: [{ code: 'online_paid', label: 'Giao dịch thanh toán trực tuyến', maxPoints: 10, figure: 'online_payment_rate', formula: '10 × thanh toán trực tuyến / thanh toán' }] },
  {
    code: 'satisfaction', label: 'Mức độ hài lòng',
    rules: [
      { code: 'feedback_on_time', label: 'Xử lý phản ánh, kiến nghị đúng hạn', maxPoints: 6, figure: 'feedback_on_time_rate', formula: '6 × trả lời đúng hạn / đã trả lời' },
      { code: 'feedback_satisfaction', label: 'Hài lòng về xử lý phản ánh, kiến nghị', maxPoints: 6, figure: 'satisfaction_rate', formula: '6 × hài lòng / đã đánh giá' },
      { code: 'dossier_satisfaction', label: 'Hài lòng về giải quyết hồ sơ', maxPoints: 6, missing: 'no event carries an applicant rating of a dossier' },
    ],
  },
  {
    code: 'digitization', label: 'Số hóa hồ sơ',
    rules: [
      { code: 'electronic_results', label: 'Cấp kết quả điện tử', maxPoints: 6, figure: 'electronic_result_rate', formula: '6 × kết quả điện tử / hồ sơ có kết quả' },
      { code: 'digitized_components', label: 'Số hóa thành phần hồ sơ', maxPoints: 4, figure: 'digitization_rate', formula: '4 × thành phần đã số hóa / thành phần' },
      { code: 'certified_copies', label: 'Cấp bản sao điện tử có chứng thực', maxPoints: 2, missing: 'no event reports electronic certified copies' },
      { code: 'reuse', label: 'Thành phần được thay thế bằng tái sử dụng', maxPoints: 2, figure: 'reuse_rate', formula: '2 × tái sử dụng / thành phần' },
      { code: 'store_sync', label: 'Đồng bộ kho dữ liệu công dân, tổ chức', maxPoints: 4, figure: 'store_sync_rate', formula: '4 × đã đồng bộ / đã số hóa' },
      { code: 'population_data', label: 'Hồ sơ sử dụng dữ liệu dân cư', maxPoints: 2, figure: 'population_data_share', formula: '2 × dùng dữ liệu dân cư / tiếp nhận' },
      { code: 'procedures_population', label: 'TTHC kết nối CSDL dân cư', maxPoints: 2, missing: 'catalog events do not say which procedures are connected to the population database' },
    ],
  },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Scores an agency (or the province) from its figures; criteria without inputs are shown as such. */
export function scoreIndex766(figures: Record<FigureName, FigureValue>): Index766 {
  const groups = INDEX_766.map((group) => {
    const criteria = group.rules.map((rule): CriterionScore => {
      const base = { code: rule.code, label: rule.label, maxPoints: rule.maxPoints };
      if ('missing' in rule) {
        return { ...base, formula: '', status: 'not_available', points: null, numerator: null, denominator: null, lastEventAt: null, reason: rule.missing };
      }
      const f = figures[rule.figure];
      const inputs = { numerator: f.numerator ?? null, denominator: f.denominator ?? null, lastEventAt: f.lastEventAt };
      if (f.value === null) return { ...base, formula: rule.formula, status: 'no_data', points: null, ...inputs, reason: 'no dossiers or items in the period' };
      return { ...base, formula: rule.formula, status: 'computed', points: round2(rule.maxPoints * f.value), ...inputs };
    });
    const maxPoints = group.rules.reduce((s, r) => s + r.maxPoints, 0);
    return { code: group.code, label: group.label, maxPoints, points: round2(criteria.reduce((s, c) => s + (c.points ?? 0), 0)), criteria };
  });
  const all = groups.flatMap((g) => g.criteria);
  const computable = all.filter((c) => c.status === 'computed');
  const computableMaxPoints = computable.reduce((s, c) => s + c.maxPoints, 0);
  const points = computable.reduce((s, c) => s + (c.points ?? 0), 0);
  return {
    score: round2(points),
    scoreOfComputable: computableMaxPoints === 0 ? null : round2((points / computableMaxPoints) * 100),
    computableMaxPoints,
    groups,
  };
}
