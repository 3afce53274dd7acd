import type { AggregateRow } from './figures.repository';

export type FigureFamily = 'dossiers' | 'feedback' | 'digitization' | 'stages';
/** One figure as served: its value, the counts it comes from, its sample size and cut-off. */
export type FigureValue = {
  value: number | null;
  numerator?: number;
  denominator?: number;
  sampleSize: number;
  lastEventAt: string | null;
};
type Definition = {
  family: FigureFamily;
  label: string;
  unit: 'count' | 'rate' | 'days' | 'hours' | 'score';
  compute: (row: AggregateRow) => Omit<FigureValue, 'lastEventAt'>;
};

const n = (row: AggregateRow, column: string) => Number(row[column] ?? 0);
const count = (column: string) => (row: AggregateRow) => ({
  value: n(row, column),
  sampleSize: n(row, 'sample_size'),
});
const rate =
  (numerator: string, denominator: string | ((row: AggregateRow) => number)) =>
  (row: AggregateRow) => {
    const den = typeof denominator === 'string' ? n(row, denominator) : denominator(row);
    const num = n(row, numerator);
    return {
      value: den === 0 ? null : num / den,
      numerator: num,
      denominator: den,
      sampleSize: den,
    };
  };
const decided = (row: AggregateRow) => n(row, 'on_time') + n(row, 'late');

/** Every figure the API serves (GET /figures/{name}); labels are the dashboard's Vietnamese text. */
export const FIGURES = {
  received: {
    family: 'dossiers',
    label: 'Hồ sơ tiếp nhận',
    unit: 'count',
    compute: count('received'),
  },
  received_in_person: {
    family: 'dossiers',
    label: 'Tiếp nhận trực tiếp',
    unit: 'count',
    compute: count('received_in_person'),
  },
  received_online: {
    family: 'dossiers',
    label: 'Tiếp nhận trực tuyến',
    unit: 'count',
    compute: count('received_online'),
  },
  received_postal: {
    family: 'dossiers',
    label: 'Tiếp nhận qua bưu chính',
    unit: 'count',
    compute: count('received_postal'),
  },
  in_progress: {
    family: 'dossiers',
    label: 'Đang giải quyết',
    unit: 'count',
    compute: count('in_progress'),
  },
  processed: {
    family: 'dossiers',
    label: 'Đã giải quyết',
    unit: 'count',
    compute: count('processed'),
  },
  returned: {
    family: 'dossiers',
    label: 'Đã trả kết quả',
    unit: 'count',
    compute: count('returned'),
  },
  withdrawn: { family: 'dossiers', label: 'Rút hồ sơ', unit: 'count', compute: count('withdrawn') },
  on_time_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ đúng hạn',
    unit: 'rate',
    compute: rate('on_time', decided),
  },
  late_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ trễ hạn',
    unit: 'rate',
    compute: rate('late', decided),
  },
  avg_processing_days: {
    family: 'dossiers',
    label: 'Thời gian giải quyết trung bình (ngày)',
    unit: 'days',
    compute: (row) => ({
      value: row.avg_processing_days === null ? null : Number(row.avg_processing_days),
      sampleSize: n(row, 'timed'),
    }),
  },
  supplements: {
    family: 'dossiers',
    label: 'Lượt yêu cầu bổ sung',
    unit: 'count',
    compute: (row) => ({ value: n(row, 'supplements'), sampleSize: n(row, 'received') }),
  },
  extensions: {
    family: 'dossiers',
    label: 'Lượt gia hạn (xin lỗi, hẹn lại)',
    unit: 'count',
    compute: (row) => ({ value: n(row, 'extensions'), sampleSize: n(row, 'received') }),
  },
  online_full_share: {
    family: 'dossiers',
    label: 'Tỷ lệ trực tuyến toàn trình',
    unit: 'rate',
    compute: rate('online_full', 'received'),
  },
  online_partial_share: {
    family: 'dossiers',
    label: 'Tỷ lệ trực tuyến một phần',
    unit: 'rate',
    compute: rate('online_partial', 'received'),
  },
  online_share: {
    family: 'dossiers',
    label: 'Tỷ lệ tiếp nhận trực tuyến',
    unit: 'rate',
    compute: rate('received_online', 'received'),
  },
  digitization_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ số hóa thành phần hồ sơ',
    unit: 'rate',
    compute: rate('documents_digitized', 'documents_total'),
  },
  reuse_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ tái sử dụng dữ liệu',
    unit: 'rate',
    compute: rate('documents_reused', 'documents_total'),
  },
  population_data_share: {
    family: 'dossiers',
    label: 'Hồ sơ dùng dữ liệu dân cư',
    unit: 'rate',
    compute: rate('population_data', 'received'),
  },
  electronic_result_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ kết quả điện tử',
    unit: 'rate',
    compute: rate('electronic_results', 'results'),
  },
  online_payment_rate: {
    family: 'dossiers',
    label: 'Tỷ lệ thanh toán trực tuyến',
    unit: 'rate',
    compute: rate('payments_online', 'payments'),
  },
  feedback_received: {
    family: 'feedback',
    label: 'Phản ánh, kiến nghị tiếp nhận',
    unit: 'count',
    compute: count('feedback_received'),
  },
  feedback_answered: {
    family: 'feedback',
    label: 'Phản ánh đã trả lời',
    unit: 'count',
    compute: count('feedback_answered'),
  },
  feedback_overdue: {
    family: 'feedback',
    label: 'Phản ánh quá hạn',
    unit: 'count',
    compute: count('feedback_overdue'),
  },
  feedback_on_time_rate: {
    family: 'feedback',
    label: 'Tỷ lệ xử lý phản ánh đúng hạn',
    unit: 'rate',
    compute: rate('feedback_answered_on_time', 'feedback_answered'),
  },
  feedback_published_on_time_rate: {
    family: 'feedback',
    label: 'Tỷ lệ công khai đúng hạn',
    unit: 'rate',
    compute: rate('feedback_published_on_time', 'feedback_published'),
  },
  satisfaction_rate: {
    family: 'feedback',
    label: 'Tỷ lệ hài lòng',
    unit: 'rate',
    compute: rate('feedback_satisfied', 'feedback_rated'),
  },
  satisfaction_score: {
    family: 'feedback',
    label: 'Điểm hài lòng (1-5)',
    unit: 'score',
    compute: (row) => ({
      value:
        row.feedback_satisfaction_score === null ? null : Number(row.feedback_satisfaction_score),
      sampleSize: n(row, 'feedback_rated'),
    }),
  },
  scans: {
    family: 'digitization',
    label: 'Giấy tờ được số hóa',
    unit: 'count',
    compute: count('scans'),
  },
  store_sync_rate: {
    family: 'digitization',
    label: 'Tỷ lệ đồng bộ kho dữ liệu công dân',
    unit: 'rate',
    compute: rate('scans_synced', 'scans'),
  },
  results_issued: {
    family: 'digitization',
    label: 'Kết quả được cấp',
    unit: 'count',
    compute: count('results_issued'),
  },
  results_issued_electronic_rate: {
    family: 'digitization',
    label: 'Tỷ lệ kết quả cấp bản điện tử',
    unit: 'rate',
    compute: rate('results_issued_electronic', 'results_issued'),
  },
  reuses: {
    family: 'digitization',
    label: 'Lượt tái sử dụng giấy tờ',
    unit: 'count',
    compute: count('reuses'),
  },
  // Một cửa liên thông: each agency's own stages (agency = the stage's agency, docs/inter-agency.md).
  stages_started: {
    family: 'stages',
    label: 'Giai đoạn liên thông được chuyển đến',
    unit: 'count',
    compute: count('stages_started'),
  },
  stages_in_progress: {
    family: 'stages',
    label: 'Giai đoạn liên thông đang xử lý',
    unit: 'count',
    compute: count('stages_in_progress'),
  },
  stages_overdue: {
    family: 'stages',
    label: 'Giai đoạn liên thông đang quá hạn',
    unit: 'count',
    compute: count('stages_overdue'),
  },
  stage_supplements: {
    family: 'stages',
    label: 'Lượt yêu cầu bổ sung trong giai đoạn liên thông',
    unit: 'count',
    compute: count('stage_supplements'),
  },
  stages_handed_back: {
    family: 'stages',
    label: 'Giai đoạn liên thông đã hoàn thành',
    unit: 'count',
    compute: count('stages_handed_back'),
  },
  stage_on_time_rate: {
    family: 'stages',
    label: 'Tỷ lệ giai đoạn liên thông đúng hạn',
    unit: 'rate',
    compute: rate('stages_on_time', 'stages_handed_back'),
  },
  stage_late_rate: {
    family: 'stages',
    label: 'Tỷ lệ giai đoạn liên thông trễ hạn',
    unit: 'rate',
    compute: rate('stages_late', 'stages_handed_back'),
  },
  avg_stage_working_hours: {
    family: 'stages',
    label: 'Thời gian xử lý giai đoạn trung bình (giờ làm việc)',
    unit: 'hours',
    compute: (row) => {
      const handedBack = n(row, 'stages_handed_back');
      return {
        value: handedBack === 0 ? null : n(row, 'stage_working_hours') / handedBack,
        numerator: n(row, 'stage_working_hours'),
        denominator: handedBack,
        sampleSize: handedBack,
      };
    },
  },
} as const satisfies Record<string, Definition>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

export function figureOf(name: FigureName, row: AggregateRow | undefined): FigureValue {
  const definition: Definition = FIGURES[name];
  const source: AggregateRow = row ?? { key: null };
  return {
    ...definition.compute(source),
    lastEventAt: (source.last_event_at as string | null | undefined) ?? null,
  };
}
