import { lookupUrl, qrPng } from '../src/slips/lookup-link';
import { slipDataOf } from '../src/slips/slip-data';
import { slipLayout } from '../src/slips/slip-forms';
import { renderSlipPdf } from '../src/slips/slip-renderer';
import { textOf } from '../src/slips/slip.types';
import { dossierRecord, procedure } from './support/slip-fixtures';
import { pdfTextLines } from './support/pdf-text';

/** The renderer draws every text of the layout with the embedded DejaVu fonts, and the QR image. */
describe('slip PDF', () => {
  it('prints the layout with Vietnamese diacritics, embeds DejaVu Sans and the QR code image', async () => {
    const url = lookupUrl('https://dvc.example.vn/tra-cuu', '000.00.15.H26-261130-0007');
    const layout = slipLayout(
      slipDataOf({
        kind: 'receipt',
        dossier: dossierRecord(),
        procedure,
        extension: null,
        issuedAt: new Date('2026-12-01T02:00:00Z'),
        qrUrl: url,
        printedUrl: url,
      }),
    );
    const pdf = await renderSlipPdf(layout, await qrPng(url));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/XObject <<\s*\/I1 \d+ 0 R/);
    expect(raw).toMatch(/\/Type \/XObject\s*\/Subtype \/Image/);

    // Text extracted back through the fonts' ToUnicode maps: long lines wrap, so compare without line breaks.
    const printed = pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');
    for (const text of textOf(layout)) expect(printed).toContain(text.replace(/\s+/g, ' '));
    expect(printed).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(printed).toContain('Ông/Bà: Nguyễn Văn An');
    expect(printed).not.toContain('\uFFFD');
  });
});
