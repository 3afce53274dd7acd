import { FIGURES, type FigureName, type FigureValue } from '../figures/figure-catalog';
import type { FigureGroup } from '../figures/figures.service';
import { formatDecimal, formatInteger, formatPercent } from './vietnamese-format';

/** Figures of the summary table, in the order officials read them. */
export const SUMMARY_FIGURES: FigureName[] = [
  'received',
  'received_online',
  'received_in_person',
  'received_postal',
  'in_progress',
  'processed',
  'returned',
  'on_time_rate',
  'late_rate',
  'avg_processing_days',
  'supplements',
  'extensions',
  'online_full_share',
  'online_partial_share',
  'digitization_rate',
  'reuse_rate',
  'electronic_result_rate',
  'online_payment_rate',
  'feedback_received',
  'feedback_answered',
  'feedback_on_time_rate',
  'satisfaction_rate',
];

/** Columns of the per-agency and per-month tables. */
export const GROUP_COLUMNS: { figure: FigureName; header: string }[] = [
  { figure: 'received', header: 'Tiếp nhận' },
  { figure: 'processed', header: 'Đã giải quyết' },
  { figure: 'on_time_rate', header: 'Đúng hạn' },
  { figure: 'late_rate', header: 'Trễ hạn' },
  { figure: 'in_progress', header: 'Đang giải quyết' },
  { figure: 'online_share', header: 'Trực tuyến' },
];

export function formatFigure(name: FigureName, f: FigureValue): string {
  if (f.value === null) return '–';
  switch (FIGURES[name].unit) {
    case 'rate':
      return formatPercent(f.value);
    case 'count':
      return formatInteger(f.value);
    default:
      return formatDecimal(f.value);
  }
}

export function groupRow(group: FigureGroup): string[] {
  return GROUP_COLUMNS.map((c) => formatFigure(c.figure, group.figures[c.figure]));
}
