import { DECREE_61_POLICY } from '../evaluation-61/decree61.policy';
import type { EvaluationGroup } from '../evaluation-61/evaluation61.service';
import { formatDecimal, formatInteger } from './vietnamese-format';

/** The Decree 61 table of the reports (đánh giá việc giải quyết TTHC): the computed indices, then the total and band. */
export const EVALUATION_INDICES = DECREE_61_POLICY.indices.filter((i) => !i.missing);
export const EVALUATION_MISSING = DECREE_61_POLICY.indices.filter((i) => i.missing);

/** Column headers short enough for an A4 table. */
const SHORT: Partial<Record<string, string>> = { total_time: 'Thời gian giải quyết', unit_time: 'Thời gian từng đơn vị', contacts: 'Số lần liên hệ', online_service: 'DVC trực tuyến' };
export const EVALUATION_HEADERS = ['Cơ quan', 'Số hồ sơ', ...EVALUATION_INDICES.map((i) => SHORT[i.code] ?? i.label), 'Điểm', 'Quy đổi /18', 'Xếp loại'];

export function evaluationRow(label: string, g: EvaluationGroup): string[] {
  const averages = EVALUATION_INDICES.map((index) => {
    const result = g.indices.find((i) => i.code === index.code);
    return result?.average === null || result?.average === undefined ? '–' : formatDecimal(result.average);
  });
  return [label, formatInteger(g.sampleSize), ...averages, g.points === null ? '–' : `${formatDecimal(g.points)}/${g.maxPoints}`,
    g.scoreOf18 === null ? '–' : formatDecimal(g.scoreOf18), g.band?.label ?? '–'];
}

/** The sentence under the table: which indices have no input and how the band is read. */
export function evaluationNote(): string {
  const computed = EVALUATION_INDICES.length;
  const total = DECREE_61_POLICY.indices.length;
  return `Chấm theo ${DECREE_61_POLICY.legalBasis}. Mỗi chỉ số 2/1/0 điểm cho từng hồ sơ đã giải quyết trong kỳ, lấy trung bình. ` +
    `${total - computed} chỉ số chưa có dữ liệu nguồn (${EVALUATION_MISSING.map((i) => i.label.toLowerCase()).join('; ')}) không được tính; ` +
    `điểm của ${computed} chỉ số còn lại (tối đa ${computed * DECREE_61_POLICY.maxPerIndex}) được quy đổi về thang 18 để xếp loại ` +
    `(từ 15 xuất sắc, 12 tốt, 9 khá, 6 trung bình, dưới 6 yếu).`;
}
