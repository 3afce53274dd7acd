import type { FigureName, FigureValue } from '../figures/figure-catalog';
import {
  complainedDossiers,
  digitizedDossiers,
  satisfactionOf,
  feedbackOnTime,
  feedbackSatisfaction,
  hasFeedback,
  onlinePayment,
  onlineService,
  progress,
  reusedDossiers,
  synced,
  type DossierRecord,
  type FeedbackRecord,
  type PeriodBounds,
  type Ratio,
} from './index-766.inputs';

export type CriterionStatus = 'computed' | 'no_data' | 'not_available';
export type GroupCode =
  | 'transparency'
  | 'progress'
  | 'online_service'
  | 'online_payment'
  | 'satisfaction'
  | 'digitization';

export type CriterionScore = {
  code: string;
  label: string;
  maxPoints: number;
  /** Rate at which the full points are reached (1: linear). */
  threshold: number;
  formula: string;
  status: CriterionStatus;
  points: number | null;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  lastEventAt: string | null;
  reason?: string;
  /** Computed, but from inputs that some producer does not send yet (said, and the total is not comparable). */
  caveat?: string;
};
export type GroupScore = {
  code: GroupCode;
  label: string;
  maxPoints: number;
  points: number;
  criteria: CriterionScore[];
};
export type Index766 = {
  /** Out of 100: criteria the system cannot compute count 0 (shown as not_available / no_data). */
  score: number;
  /** false while any criterion is not computed or carries a caveat: then `label` says so. */
  comparableWithPortal: boolean;
  label: string | null;
  scoreOfComputable: number | null;
  computableMaxPoints: number;
  groups: GroupScore[];
  notes: string[];
};

export type InputCode =
  | 'synced'
  | 'progress'
  | 'online_service'
  | 'online_payment'
  | 'feedback_on_time'
  | 'feedback_satisfaction'
  | 'digitized_dossiers'
  | 'reused_dossiers';

/** What the per-dossier and per-item rules give for a period (see index-766.inputs.ts). */
export type Index766Inputs = {
  /** `complained`: dossiers received with a PAKN or a dislike (dossier satisfaction with `progress`). */
  ratios: Record<InputCode | 'complained', Ratio>;
  hasFeedback: boolean;
  /** The portal acknowledged at least one dossier of the period (else the sync criterion has no data). */
  anyAcknowledgement: boolean;
  lastEventAt: string | null;
};

export function inputsOf(
  dossiers: DossierRecord[],
  feedback: FeedbackRecord[],
  period: PeriodBounds,
  lastEventAt: string | null = null,
): Index766Inputs {
  return {
    ratios: {
      synced: synced(dossiers, period),
      progress: progress(dossiers, period),
      online_service: onlineService(dossiers, period),
      online_payment: onlinePayment(dossiers, period),
      feedback_on_time: feedbackOnTime(feedback, period),
      feedback_satisfaction: feedbackSatisfaction(feedback, period),
      digitized_dossiers: digitizedDossiers(dossiers, period),
      reused_dossiers: reusedDossiers(dossiers, period),
      complained: complainedDossiers(dossiers, period),
    },
    hasFeedback: hasFeedback(feedback, period),
    anyAcknowledgement: dossiers.some((d) => d.syncAccepted),
    lastEventAt,
  };
}

type Base = { code: string; label: string; maxPoints: number; threshold?: number };
type Rule =
  | (Base & { figure: FigureName; formula: string })
  | (Base & { input: InputCode | 'dossier_satisfaction'; formula: string; caveat?: string })
  | (Base & { missing: string });

/**
 * Decision 766/QĐ-TTg as the national portal computes it (its "Công thức 766" documents, province level):
 * groups, weights, thresholds at which full points are reached (points = max × rate / threshold below it).
 */
export const INDEX_766: { code: GroupCode; label: string; rules: Rule[] }[] = [
  {
    code: 'transparency',
    label: 'Công khai, minh bạch',
    rules: [
      {
        code: 'published_on_time',
        label: 'Công bố, công khai TTHC đúng hạn',
        maxPoints: 6,
        missing:
          'catalog events carry the decision dates but not the effective date of the legal basis the portal compares with',
      },
      {
        code: 'national_db_updated',
        label: 'Cập nhật CSDL quốc gia về TTHC đúng hạn',
        maxPoints: 4,
        missing: 'no event reports updates of the national database',
      },
      {
        code: 'complete_records',
        label: 'Công khai đầy đủ hồ sơ TTHC',
        maxPoints: 2,
        missing: 'no event reports which published fields are incomplete',
      },
      {
        code: 'realtime_sync',
        label: 'Đồng bộ hồ sơ lên Cổng DVC quốc gia',
        maxPoints: 6,
        input: 'synced',
        formula: '6 × hồ sơ tiếp nhận trong kỳ được Cổng xác nhận / hồ sơ tiếp nhận trong kỳ',
      },
    ],
  },
  {
    code: 'progress',
    label: 'Tiến độ giải quyết',
    rules: [
      {
        code: 'on_time',
        label: 'Hồ sơ xử lý trước hạn, đúng hạn',
        maxPoints: 20,
        input: 'progress',
        formula:
          '20 × (đã xử lý đúng hạn + đang xử lý trong hạn) / hồ sơ tiếp nhận, xử lý trong kỳ; trừ thời gian bổ sung; > 1 lần yêu cầu bổ sung là quá hạn',
      },
    ],
  },
  {
    code: 'online_service',
    label: 'Dịch vụ công trực tuyến',
    rules: [
      {
        code: 'online_received',
        label: 'Hồ sơ trực tuyến toàn trình',
        maxPoints: 12,
        threshold: 0.8,
        input: 'online_service',
        formula:
          '12 × (hồ sơ trực tuyến / hồ sơ của TTHC đủ điều kiện toàn trình) / 80 %, tối đa 12',
      },
    ],
  },
  {
    code: 'online_payment',
    label: 'Thanh toán trực tuyến',
    rules: [
      {
        code: 'online_paid',
        label: 'Hồ sơ thanh toán trực tuyến',
        maxPoints: 10,
        threshold: 0.8,
        input: 'online_payment',
        formula:
          '10 × (hồ sơ thanh toán trực tuyến / (hồ sơ của TTHC có phí, lệ phí − hồ sơ có mọi khoản phí bằng 0)) / 80 %, tối đa 10',
      },
    ],
  },
  {
    code: 'satisfaction',
    label: 'Mức độ hài lòng',
    rules: [
      {
        code: 'feedback_on_time',
        label: 'Xử lý phản ánh, kiến nghị đúng hạn',
        maxPoints: 6,
        input: 'feedback_on_time',
        formula: '6 × (đã xử lý đúng hạn + đang xử lý trong hạn) / PAKN thuộc thẩm quyền',
      },
      {
        code: 'feedback_satisfaction',
        label: 'Hài lòng về xử lý phản ánh, kiến nghị',
        maxPoints: 6,
        input: 'feedback_satisfaction',
        formula: '6 × (đã xử lý − không hài lòng − quá hạn − bị phản ánh lại) / đã xử lý',
      },
      {
        code: 'dossier_satisfaction',
        label: 'Hài lòng về giải quyết hồ sơ',
        maxPoints: 6,
        threshold: 0.9,
        input: 'dossier_satisfaction',
        formula:
          '6 × (100 % − (tỷ lệ quá hạn + tỷ lệ hồ sơ có PAKN hoặc không hài lòng)) / 90 %, tối đa 6',
      },
    ],
  },
  {
    code: 'digitization',
    label: 'Số hóa hồ sơ',
    rules: [
      {
        code: 'electronic_results',
        label: 'Cấp kết quả điện tử',
        maxPoints: 6,
        figure: 'electronic_result_rate',
        formula: '6 × kết quả điện tử / hồ sơ có kết quả',
      },
      {
        code: 'digitized_dossiers',
        label: 'Hồ sơ thực hiện số hóa',
        maxPoints: 4,
        threshold: 0.8,
        input: 'digitized_dossiers',
        formula:
          '4 × (hồ sơ có tệp thành phần và kết quả điện tử / hồ sơ tiếp nhận) / 80 %, tối đa 4',
      },
      {
        code: 'certified_copies',
        label: 'Cấp bản sao điện tử có chứng thực',
        maxPoints: 2,
        missing: 'no event reports electronic certified copies',
      },
      {
        code: 'reuse',
        label: 'Hồ sơ tái sử dụng dữ liệu số hóa',
        maxPoints: 2,
        threshold: 0.8,
        input: 'reused_dossiers',
        formula: '2 × (hồ sơ có thành phần tái sử dụng / hồ sơ tiếp nhận) / 80 %, tối đa 2',
      },
      {
        code: 'store_sync',
        label: 'Đồng bộ kho dữ liệu công dân, tổ chức',
        maxPoints: 4,
        figure: 'store_sync_rate',
        formula: '4 × đã đồng bộ / đã số hóa',
      },
      {
        code: 'population_data',
        label: 'Hồ sơ sử dụng dữ liệu dân cư',
        maxPoints: 2,
        figure: 'population_data_share',
        formula: '2 × dùng dữ liệu dân cư / tiếp nhận',
      },
      {
        code: 'procedures_population',
        label: 'TTHC kết nối CSDL dân cư',
        maxPoints: 2,
        missing:
          'catalog events do not say which procedures are connected to the population database',
      },
    ],
  },
];

/** The label of a headline total that the portal's score cannot be compared with. */
export const NOT_COMPARABLE = 'không so sánh với điểm Cổng';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Points of a rate: full at or above the threshold, max × rate / threshold below it. */
export function pointsOf(rate: number, maxPoints: number, threshold = 1): number {
  return round2(Math.min(maxPoints, (maxPoints * rate) / threshold));
}

function scoreRule(
  rule: Rule,
  figures: Record<FigureName, FigureValue>,
  inputs: Index766Inputs,
  maxPoints: number,
): CriterionScore {
  const threshold = rule.threshold ?? 1;
  const base = { code: rule.code, label: rule.label, maxPoints, threshold };
  const none = { points: null, numerator: null, denominator: null, rate: null, lastEventAt: null };
  if ('missing' in rule)
    return { ...base, formula: '', status: 'not_available', ...none, reason: rule.missing };
  if ('figure' in rule) {
    const f = figures[rule.figure];
    const counts = {
      numerator: f.numerator ?? null,
      denominator: f.denominator ?? null,
      rate: f.value,
      lastEventAt: f.lastEventAt,
    };
    if (f.value === null)
      return {
        ...base,
        formula: rule.formula,
        status: 'no_data',
        points: null,
        ...counts,
        reason: 'no dossiers or items in the period',
      };
    return {
      ...base,
      formula: rule.formula,
      status: 'computed',
      points: pointsOf(f.value, maxPoints, threshold),
      ...counts,
    };
  }
  const caveat = rule.caveat ? { caveat: rule.caveat } : {};
  if (rule.input === 'dossier_satisfaction') {
    const s = satisfactionOf(inputs.ratios.progress, inputs.ratios.complained);
    if (s === null)
      return {
        ...base,
        formula: rule.formula,
        status: 'no_data',
        ...none,
        reason: 'no dossiers in the period',
        ...caveat,
      };
    return {
      ...base,
      formula: rule.formula,
      status: 'computed',
      points: pointsOf(s.rate, maxPoints, threshold),
      numerator: null,
      denominator: null,
      rate: round2(s.rate * 10000) / 10000,
      lastEventAt: inputs.lastEventAt,
      ...caveat,
    };
  }
  const r = inputs.ratios[rule.input];
  if (rule.input === 'synced' && !inputs.anyAcknowledgement) {
    return {
      ...base,
      formula: rule.formula,
      status: 'no_data',
      ...none,
      numerator: r.numerator,
      denominator: r.denominator,
      reason: 'the portal acknowledged no dossier of the period (topic portal.dossier-ack.v1)',
    };
  }
  if (r.denominator === 0)
    return {
      ...base,
      formula: rule.formula,
      status: 'no_data',
      ...none,
      numerator: 0,
      denominator: 0,
      reason: 'no dossiers or items in the period',
      ...caveat,
    };
  const rate = r.numerator / r.denominator;
  return {
    ...base,
    formula: rule.formula,
    status: 'computed',
    points: pointsOf(rate, maxPoints, threshold),
    numerator: r.numerator,
    denominator: r.denominator,
    rate,
    lastEventAt: inputs.lastEventAt,
    ...caveat,
  };
}

/**
 * Scores an agency (or the province) for a period. With no PAKN at all, PAKN on time earns its full points and
 * the PAKN satisfaction points are split equally between PAKN on time and dossier satisfaction.
 */
export function scoreIndex766(
  figures: Record<FigureName, FigureValue>,
  inputs: Index766Inputs,
): Index766 {
  const notes: string[] = [];
  const redistribute = !inputs.hasFeedback;
  if (redistribute)
    notes.push(
      'no PAKN in the period: PAKN on time earns its 6 points, and the 6 points of PAKN satisfaction are split 3 + 3 between PAKN on time and dossier satisfaction',
    );
  const groups = INDEX_766.map((group) => {
    const criteria = group.rules.map((rule): CriterionScore => {
      if (redistribute && rule.code === 'feedback_on_time') {
        return {
          code: rule.code,
          label: rule.label,
          maxPoints: 9,
          threshold: 1,
          formula: 'không có PAKN: 6 + 3 (chia lại từ hài lòng PAKN)',
          status: 'computed',
          points: 9,
          numerator: 0,
          denominator: 0,
          rate: null,
          lastEventAt: inputs.lastEventAt,
        };
      }
      if (redistribute && rule.code === 'feedback_satisfaction') {
        return {
          code: rule.code,
          label: rule.label,
          maxPoints: 0,
          threshold: 1,
          formula: 'không có PAKN: điểm chia đều cho PAKN đúng hạn và hài lòng hồ sơ',
          status: 'computed',
          points: 0,
          numerator: 0,
          denominator: 0,
          rate: null,
          lastEventAt: inputs.lastEventAt,
        };
      }
      return scoreRule(
        rule,
        figures,
        inputs,
        redistribute && rule.code === 'dossier_satisfaction' ? rule.maxPoints + 3 : rule.maxPoints,
      );
    });
    const maxPoints = criteria.reduce((s, c) => s + c.maxPoints, 0);
    return {
      code: group.code,
      label: group.label,
      maxPoints,
      points: round2(criteria.reduce((s, c) => s + (c.points ?? 0), 0)),
      criteria,
    };
  });
  const all = groups.flatMap((g) => g.criteria);
  const computable = all.filter((c) => c.status === 'computed');
  const computableMaxPoints = computable.reduce((s, c) => s + c.maxPoints, 0);
  const points = computable.reduce((s, c) => s + (c.points ?? 0), 0);
  const comparable = all.every((c) => c.status === 'computed' && !c.caveat);
  if (!comparable)
    notes.push(
      `${NOT_COMPARABLE}: ${all.filter((c) => c.status !== 'computed').length} criteria not computed (counted 0), ${all.filter((c) => c.caveat).length} computed with a caveat`,
    );
  return {
    score: round2(points),
    comparableWithPortal: comparable,
    label: comparable ? null : NOT_COMPARABLE,
    scoreOfComputable:
      computableMaxPoints === 0 ? null : round2((points / computableMaxPoints) * 100),
    computableMaxPoints,
    groups,
    notes,
  };
}
