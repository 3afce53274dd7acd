import { VIETNAMESE_FONTS } from '@motcua/vietnamese';
import type { SlipLayout } from './slip.types';

const MARGIN = 50;
const QR_SIZE = 96;

/** Draws a slip layout on an A4 page and returns the PDF bytes. */
export async function renderSlipPdf(layout: SlipLayout, qrPng: Buffer): Promise<Buffer> {
  // Loaded with the first slip, not at start-up: an idle service need not hold pdfkit (~12 MB, issue 17).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: layout.title, Producer: 'motcua dossiers' },
  });
  doc.registerFont('Regular', VIETNAMESE_FONTS.regular);
  doc.registerFont('Bold', VIETNAMESE_FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  // Header: agency on the left, the national motto on the right, both centred in their column.
  const top = doc.y;
  const leftWidth = width * 0.42;
  doc.font('Bold').fontSize(10);
  layout.header.left.forEach((text, i) =>
    doc
      .font(i === 0 ? 'Bold' : 'Regular')
      .text(text, MARGIN, undefined, { width: leftWidth, align: 'center' }),
  );
  const leftBottom = doc.y;
  doc.y = top;
  layout.header.right.forEach((text) =>
    doc
      .font('Bold')
      .text(text, MARGIN + leftWidth, undefined, { width: width - leftWidth, align: 'center' }),
  );
  doc.y = Math.max(leftBottom, doc.y) + 8;
  doc
    .font('Regular')
    .fontSize(10)
    .text(layout.dateLine, MARGIN, undefined, { width, align: 'right' });

  doc
    .moveDown(1.2)
    .font('Bold')
    .fontSize(14)
    .text(layout.title, MARGIN, undefined, { width, align: 'center' });
  if (layout.subtitle)
    doc
      .font('Bold')
      .fontSize(11)
      .text(layout.subtitle, MARGIN, undefined, { width, align: 'center' });
  doc.moveDown(1);

  doc.fontSize(11);
  for (const line of layout.lines) {
    const indent = (line.indent ?? 0) * 16;
    doc.font(line.bold ? 'Bold' : 'Regular').text(line.text, MARGIN + indent, undefined, {
      width: width - indent,
      align: line.align ?? 'left',
      paragraphGap: 3,
    });
  }

  // Signatures side by side.
  doc.moveDown(1.5);
  const signTop = doc.y;
  const columnWidth = width / layout.signatures.length;
  layout.signatures.forEach((signature, i) => {
    doc.y = signTop;
    const x = MARGIN + i * columnWidth;
    doc
      .font('Bold')
      .fontSize(11)
      .text(signature.title, x, undefined, { width: columnWidth, align: 'center' });
    doc
      .font('Regular')
      .fontSize(9)
      .text(signature.note, x, undefined, { width: columnWidth, align: 'center' });
  });

  // The QR code of the public lookup, below the space left for signing.
  let qrTop = doc.y + 60;
  if (qrTop + QR_SIZE > doc.page.height - MARGIN) {
    doc.addPage();
    qrTop = MARGIN;
  }
  doc.image(qrPng, MARGIN, qrTop, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('Regular')
    .fontSize(9)
    .text(layout.qr.caption, MARGIN + QR_SIZE + 12, qrTop + QR_SIZE / 2 - 10, {
      width: width - QR_SIZE - 12,
    });
  doc.end();
  return done;
}
