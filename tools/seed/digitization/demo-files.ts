import { demoPki, signedPdf } from '@motcua/stack';

/** Small demo files (marked DU LIEU MAU / demo data) built here, so the seed needs no binary assets. */

function pdf(title: string): Buffer {
  const text = `BT /F1 18 Tf 72 770 Td (${title}) Tj 0 -28 Td (DU LIEU MAU - demo data) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A scanned application form (one page). */
export const demoScan = (title: string) => pdf(title);
/**
 * An electronic result: a PDF signed (PAdES) by the demo signer of the demo PKI (.data/pki/, whose
 * root CA the stack's digitization service trusts). A fixed signing time keeps the bytes, so the
 * content address, the same on every run.
 */
export const demoSignedResult = (title: string) => {
  const pki = demoPki();
  return signedPdf(`${title} - DU LIEU MAU (demo data)`, pki.signer, {
    chain: [pki.province],
    signingTime: new Date('2026-01-05T09:00:00+07:00'),
  });
};
