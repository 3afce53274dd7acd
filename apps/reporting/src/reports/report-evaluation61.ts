import { DECREE_61_POLICY } from '../evaluation-61/decree61.policy';
import type { EvaluationGroup } from '../evaluation-61/evaluation61.service';
import { formatDecimal, formatInteger } from './vietnamese-format';

/** The Decree 61 table of the reports: every index by number (average, or why it has none); a rating only when all nine are computed. */
export const EVALUATION_INDICES = DECREE_61_POLICY.indices;
export const EVALUATION_MISSING = DECREE_61_POLICY.indices.filter((i) => i.missing);

export const EVALUATION_HEADERS = [
  'Cơ quan',
  'Số hồ sơ',
  ...EVALUATION_INDICES.map((i) => `CS ${i.number}`),
  'Xếp loại',
];

const STATUS_TEXT = { not_available: 'chưa có nguồn', no_data: 'không có dữ liệu' } as const;

export function evaluationCell(g: EvaluationGroup, code: string): string {
  const result = g.indices.find((i) => i.code === code);
  if (!result) return '–';
  return result.status === 'computed' ? formatDecimal(result.average!) : STATUS_TEXT[result.status];
}

/** "not rated" while any index is missing: never a band from a partial set. */
export function ratingCell(g: EvaluationGroup): string {
  return g.band ? `${g.band.label} (${formatDecimal(g.points!)}/18)` : 'Chưa xếp loại';
}

export function evaluationRow(label: string, g: EvaluationGroup): string[] {
  return [
    label,
    formatInteger(g.sampleSize),
    ...EVALUATION_INDICES.map((i) => evaluationCell(g, i.code)),
    ratingCell(g),
  ];
}

/** The sentences under the table: basis and dates, which indices are computed, why no rating is given. */
export function evaluationNote(g: EvaluationGroup): string {
  const p = DECREE_61_POLICY;
  const computed = g.computedIndices;
  const names = EVALUATION_INDICES.map((i) => `${i.number}. ${i.label}`).join('; ');
  return (
    `Đánh giá theo ${p.legalBasis}, áp dụng cho hồ sơ tiếp nhận từ ${p.effectiveFrom.split('-').reverse().join('/')} đến ${p.effectiveTo.split('-').reverse().join('/')}; ` +
    `hồ sơ tiếp nhận từ 01/7/2025 (Nghị định 118/2025/NĐ-CP) không đánh giá theo bộ chỉ số này. Các chỉ số: ${names}. ` +
    `Đã tính được ${computed.length}/${p.indices.length} chỉ số (${computed.join(', ') || 'không có'}); ` +
    `chưa xếp loại cho đến khi tính được đủ ${p.indices.length} chỉ số. ` +
    `Chưa có nguồn: ${EVALUATION_MISSING.map((i) => `chỉ số ${i.number} (${i.missing})`).join('; ')}.`
  );
}
