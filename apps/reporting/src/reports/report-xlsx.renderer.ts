import type ExcelJS from 'exceljs';
import { FIGURES } from '../figures/figure-catalog';
import type { FigureGroup } from '../figures/figures.service';
import type { ReportData } from './report.service';
import {
  EVALUATION_INDICES,
  EVALUATION_MISSING,
  evaluationCell,
  evaluationNote,
  ratingCell,
} from './report-evaluation61';
import { GROUP_COLUMNS, SUMMARY_FIGURES } from './report-tables';
import type { EvaluationGroup } from '../evaluation-61/evaluation61.service';
import { formatDate, formatDateTime } from './vietnamese-format';

const FORMATS = {
  count: '#,##0',
  rate: '0.0%',
  days: '0.00',
  hours: '0.00',
  score: '0.00',
} as const;

function groupSheet(
  book: ExcelJS.Workbook,
  name: string,
  first: string,
  groups: FigureGroup[],
  label: (key: string) => string,
): void {
  const sheet = book.addWorksheet(name);
  sheet.addRow([first, ...GROUP_COLUMNS.map((c) => c.header)]).font = { bold: true };
  for (const g of groups)
    sheet.addRow([label(g.key!), ...GROUP_COLUMNS.map((c) => g.figures[c.figure].value)]);
  GROUP_COLUMNS.forEach(
    (c, i) => (sheet.getColumn(i + 2).numFmt = FORMATS[FIGURES[c.figure].unit]),
  );
  sheet.getColumn(1).width = 20;
}

/** The report as a spreadsheet: real numbers with number formats (Excel shows them in the reader's locale). */
export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  // Loaded with the first spreadsheet, not at start-up: an idle service need not hold exceljs (~22 MB, issue 17).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'motcua reporting';
  const summary = book.addWorksheet('Tổng hợp');
  summary.addRow([data.title]).font = { bold: true, size: 13 };
  summary.addRow([
    `${data.scope} · từ ${formatDate(data.from)} đến ${formatDate(data.to)} · lập lúc ${formatDateTime(data.generatedAt)}`,
  ]);
  summary.addRow([]);
  summary.addRow(['Chỉ tiêu', 'Giá trị', 'Tử số', 'Mẫu số', 'Cỡ mẫu (n)', 'Sự kiện cuối']).font = {
    bold: true,
  };
  for (const name of SUMMARY_FIGURES) {
    const f = data.totals[name];
    const row = summary.addRow([
      FIGURES[name].label,
      f.value,
      f.numerator ?? null,
      f.denominator ?? null,
      f.sampleSize,
      formatDateTime(f.lastEventAt),
    ]);
    row.getCell(2).numFmt = FORMATS[FIGURES[name].unit];
  }
  summary.getColumn(1).width = 42;
  summary.getColumn(6).width = 18;
  groupSheet(
    book,
    'Theo tháng',
    'Tháng',
    data.byMonth,
    (key) => `${key.slice(5, 7)}/${key.slice(0, 4)}`,
  );
  groupSheet(book, 'Theo cơ quan', 'Cơ quan', data.byAgency, (key) => key);
  const index = book.addWorksheet('Chỉ số 766');
  index.addRow(['Nhóm', 'Tiêu chí', 'Điểm', 'Tối đa', 'Tử số', 'Mẫu số', 'Trạng thái']).font = {
    bold: true,
  };
  for (const g of data.index.groups) {
    for (const c of g.criteria)
      index.addRow([
        g.label,
        c.label,
        c.points,
        c.maxPoints,
        c.numerator,
        c.denominator,
        c.status === 'not_available' ? 'chưa có dữ liệu nguồn' : c.status,
      ]);
  }
  index.addRow([
    data.index.label ? `Tổng (${data.index.label})` : 'Tổng',
    '',
    data.index.score,
    100,
  ]).font = { bold: true };
  for (const note of data.index.notes) index.addRow([note]);
  index.getColumn(2).width = 48;
  evaluationSheet(book, data);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Decree 61 evaluation: averages as numbers, indices without inputs named with their reason. */
function evaluationSheet(book: ExcelJS.Workbook, data: ReportData): void {
  const sheet = book.addWorksheet('Đánh giá NĐ 61');
  sheet.addRow([
    'Cơ quan',
    'Số hồ sơ',
    ...EVALUATION_INDICES.map((i) => `${i.number}. ${i.label}`),
    'Chỉ số đã tính',
    'Xếp loại',
  ]).font = { bold: true };
  const row = (label: string, g: EvaluationGroup) =>
    sheet.addRow([
      label,
      g.sampleSize,
      ...EVALUATION_INDICES.map((i) => {
        const r = g.indices.find((x) => x.code === i.code);
        return r?.status === 'computed' ? r.average : evaluationCell(g, i.code);
      }),
      `${g.computedIndices.length}/${EVALUATION_INDICES.length}`,
      ratingCell(g),
    ]);
  row(data.scope, data.evaluation61.total);
  for (const g of data.evaluation61.byAgency) row(g.key!, g);
  sheet.addRow([]);
  sheet.addRow([evaluationNote(data.evaluation61.total)]);
  for (const i of EVALUATION_MISSING)
    sheet.addRow([`Chưa có dữ liệu nguồn: ${i.label}`, i.missing]);
  sheet.getColumn(1).width = 24;
}
