import type PDFDocument from 'pdfkit';
import { VIETNAMESE_FONTS } from '@motcua/vietnamese';
import { FIGURES } from '../figures/figure-catalog';
import type { ReportData } from './report.service';
import { EVALUATION_HEADERS, evaluationNote, evaluationRow } from './report-evaluation61';
import { GROUP_COLUMNS, SUMMARY_FIGURES, formatFigure, groupRow } from './report-tables';
import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatPercent,
} from './vietnamese-format';

const LEFT = 40;
const WIDTH = 515;

type Doc = InstanceType<typeof PDFDocument>;

function table(doc: Doc, headers: string[], rows: string[][], widths: number[]): void {
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > 770) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    let x = LEFT;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 3, { width: widths[i] - 4, align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    const bottom = Math.max(doc.y, y + 14) + 2;
    doc
      .moveTo(LEFT, bottom)
      .lineTo(LEFT + WIDTH, bottom)
      .strokeColor('#cccccc')
      .lineWidth(0.5)
      .stroke();
    doc.y = bottom;
  };
  line(headers, true);
  rows.forEach((r) => line(r, false));
  doc.x = LEFT;
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string): void {
  if (doc.y > 720) doc.addPage();
  doc.font('bold').fontSize(11).fillColor('#000000').text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

/** Bar chart of the on-time rate per month, drawn with pdfkit's vector primitives. */
function onTimeChart(doc: Doc, data: ReportData): void {
  const top = doc.y + 5;
  const height = 110;
  const months = data.byMonth;
  const step = months.length > 0 ? Math.min(60, (WIDTH - 40) / months.length) : 60;
  doc.font('regular').fontSize(7.5);
  [0, 0.5, 1].forEach((t) => {
    const y = top + height - t * height;
    doc
      .moveTo(LEFT + 30, y)
      .lineTo(LEFT + WIDTH, y)
      .strokeColor('#dddddd')
      .lineWidth(0.5)
      .stroke();
    doc.fillColor('#555555').text(formatPercent(t), LEFT - 5, y - 4, { width: 32, align: 'right' });
  });
  months.forEach((g, i) => {
    const value = g.figures.on_time_rate.value;
    const x = LEFT + 40 + i * step;
    if (value !== null)
      doc.rect(x, top + height - value * height, step * 0.6, value * height).fill('#b71c1c');
    doc
      .fillColor('#000000')
      .text(`${g.key!.slice(5, 7)}/${g.key!.slice(0, 4)}`, x - 4, top + height + 3, {
        width: step,
        align: 'left',
      });
  });
  doc.y = top + height + 20;
  doc.x = LEFT;
}

/** The quarterly or yearly report as a PDF (A4, DejaVu Sans for Vietnamese text). */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  // Loaded with the first report, not at start-up: an idle service need not hold pdfkit (~12 MB, issue 17).
  const { default: PdfKit } = await import('pdfkit');
  const doc = new PdfKit({
    size: 'A4',
    margin: LEFT,
    info: { Title: data.title, Author: 'motcua reporting' },
  });
  doc.registerFont('regular', VIETNAMESE_FONTS.regular);
  doc.registerFont('bold', VIETNAMESE_FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text('Độc lập - Tự do - Hạnh phúc', { align: 'center' })
    .moveDown(1);
  doc.font('bold').fontSize(14).text(data.title.toUpperCase(), { align: 'center' });
  doc
    .font('regular')
    .fontSize(9.5)
    .text(`${data.scope} · Từ ngày ${formatDate(data.from)} đến ngày ${formatDate(data.to)}`, {
      align: 'center',
    })
    .text(
      `Lập lúc ${formatDateTime(data.generatedAt)}; số liệu đến sự kiện lúc ${formatDateTime(data.totals.received.lastEventAt)}`,
      { align: 'center' },
    )
    .moveDown(1);

  heading(doc, '1. Số liệu tổng hợp');
  table(
    doc,
    ['Chỉ tiêu', 'Giá trị', 'Cỡ mẫu (n)'],
    SUMMARY_FIGURES.map((name) => [
      FIGURES[name].label,
      formatFigure(name, data.totals[name]),
      formatInteger(data.totals[name].sampleSize),
    ]),
    [315, 100, 100],
  );

  heading(doc, '2. Tỷ lệ giải quyết đúng hạn theo tháng');
  onTimeChart(doc, data);
  table(
    doc,
    ['Tháng', ...GROUP_COLUMNS.map((c) => c.header)],
    data.byMonth.map((g) => [`${g.key!.slice(5, 7)}/${g.key!.slice(0, 4)}`, ...groupRow(g)]),
    [95, 70, 70, 70, 70, 70, 70],
  );

  heading(doc, '3. Kết quả theo cơ quan');
  table(
    doc,
    ['Cơ quan', ...GROUP_COLUMNS.map((c) => c.header)],
    data.byAgency.map((g) => [g.key!, ...groupRow(g)]),
    [95, 70, 70, 70, 70, 70, 70],
  );

  heading(
    doc,
    `4. Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg): ${formatDecimal(data.index.score)}/100${data.index.label ? ` (${data.index.label})` : ''}`,
  );
  table(
    doc,
    ['Nhóm, tiêu chí', 'Điểm', 'Đầu vào'],
    data.index.groups.flatMap((g) => [
      [g.label, `${formatDecimal(g.points)}/${g.maxPoints}`, ''],
      ...g.criteria.map((c) => [
        `  ${c.label}`,
        c.points === null ? '–' : `${formatDecimal(c.points)}/${c.maxPoints}`,
        c.status === 'not_available'
          ? 'chưa có dữ liệu nguồn'
          : `${formatInteger(c.numerator ?? 0)}/${formatInteger(c.denominator ?? 0)}`,
      ]),
    ]),
    [315, 80, 120],
  );
  heading(doc, '5. Đánh giá việc giải quyết thủ tục hành chính (NĐ 61/2018/NĐ-CP)');
  const evaluationRows = [
    evaluationRow(data.scope, data.evaluation61.total),
    ...data.evaluation61.byAgency.map((g) => evaluationRow(g.key!, g)),
  ];
  table(doc, EVALUATION_HEADERS, evaluationRows, [70, 35, 40, 40, 40, 40, 40, 40, 40, 40, 40, 70]);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#333333')
    .text(evaluationNote(data.evaluation61.total), LEFT, doc.y, { width: WIDTH });
  doc.end();
  return done;
}
