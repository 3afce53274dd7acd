import { X509Certificate } from 'node:crypto';
import { makeCertificate, signedPdf, type Party } from '@motcua/stack';
import { FileRejected } from '../intake/intake.errors';
import { verifyPdfSignatures } from './pdf-signature.verifier';

const day = 24 * 3600_000;

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRejected) return `${error.reason}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('verifyPdfSignatures', () => {
  let root: Party;
  let intermediate: Party;
  let signer: Party;
  let anchors: X509Certificate[];

  beforeAll(() => {
    root = makeCertificate({ commonName: 'Test Root CA', ca: true });
    intermediate = makeCertificate({ commonName: 'Test Province CA', ca: true, issuer: root });
    signer = makeCertificate({ commonName: 'Nguyen Van A - So Tai chinh', issuer: intermediate });
    anchors = [new X509Certificate(root.pem)];
  });

  it('accepts a PDF signed through an intermediate to a trust anchor, recording signer, time and validity', () => {
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const pdf = signedPdf('Giay chung nhan', signer, { chain: [intermediate], signingTime });
    const [signature] = verifyPdfSignatures(pdf, anchors);
    expect(signature).toMatchObject({
      signer: expect.stringContaining('CN=Nguyen Van A - So Tai chinh'),
      issuer: expect.stringContaining('CN=Test Province CA'),
      trustAnchor: expect.stringContaining('CN=Test Root CA'),
      signingTime: signingTime.toISOString(),
      validity: 'valid',
    });
  });

  it('refuses a file altered after signing (one byte inside the signed range)', () => {
    const pdf = signedPdf('Giay chung nhan', signer, { chain: [intermediate] });
    const at = pdf.indexOf('Giay chung nhan');
    pdf.write('X', at, 'latin1');
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(
      /^signature-digest-mismatch: .*altered after signing/,
    );
  });

  it('refuses a file with bytes appended after signing', () => {
    const pdf = Buffer.concat([
      signedPdf('Giay chung nhan', signer, { chain: [intermediate] }),
      Buffer.from('\n% later\n', 'latin1'),
    ]);
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(
      /^signature-not-covering-file: /,
    );
  });

  it('refuses a signature whose bytes were changed', () => {
    const pdf = signedPdf('Giay chung nhan', signer, { chain: [intermediate] });
    const text = pdf.toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    const der = Buffer.from(
      text.slice(contents, text.indexOf('>', contents)).replace(/(00)+$/, ''),
      'hex',
    );
    // The RSA signature is the last OCTET STRING of the SignerInfo: flip a bit of its last byte.
    der[der.length - 1] ^= 0x01;
    pdf.write(der.toString('hex'), contents, 'latin1');
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(/^signature-invalid: /);
  });

  it('refuses a signer certificate that has expired', () => {
    const expired = makeCertificate({
      commonName: 'Expired signer',
      issuer: intermediate,
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - day),
    });
    const pdf = signedPdf('Giay chung nhan', expired, { chain: [intermediate] });
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(
      /^certificate-expired: the signer certificate expired on /,
    );
  });

  it('refuses a chain that does not end at a configured trust anchor', () => {
    const otherRoot = makeCertificate({ commonName: 'Unknown Root CA', ca: true });
    const stranger = makeCertificate({ commonName: 'Stranger', issuer: otherRoot });
    expect(
      reasonOf(() =>
        verifyPdfSignatures(signedPdf('x', stranger, { chain: [otherRoot] }), anchors),
      ),
    ).toMatch(
      /^certificate-untrusted: the certificate of .*CN=Unknown Root CA.* does not chain to a configured trust anchor/,
    );
    // Without the intermediate in the CMS, the chain cannot be built either.
    expect(reasonOf(() => verifyPdfSignatures(signedPdf('x', signer), anchors))).toMatch(
      /^certificate-untrusted: /,
    );
    // And without any trust anchor configured, nothing is trusted.
    expect(
      reasonOf(() => verifyPdfSignatures(signedPdf('x', signer, { chain: [intermediate] }), [])),
    ).toMatch(/^certificate-untrusted: no trust anchors are configured/);
  });

  it('refuses a self-signed signer posing as a CA it is not', () => {
    const fake = makeCertificate({ commonName: 'Test Root CA', ca: true });
    const forger = makeCertificate({ commonName: 'Forger', issuer: fake });
    expect(
      reasonOf(() => verifyPdfSignatures(signedPdf('x', forger, { chain: [fake] }), anchors)),
    ).toMatch(/^certificate-untrusted: /);
  });

  it('refuses the bare pattern /Type /Sig /ByteRange [0 0 0 0] /Contents <>', () => {
    const pdf = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 0 0 0] /Contents <> >>\nendobj\n%%EOF\n',
      'latin1',
    );
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(
      /^signature-byte-range-invalid: /,
    );
  });

  it('refuses a /Contents that is not a CMS SignedData', () => {
    const head =
      '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 0000000000 0000000000 0000000000] /Contents <';
    const body = `${head}30030201${'0'.repeat(8)}> >>\nendobj\n%%EOF\n`;
    const start2 = head.length - 1 + 8 + 8 + 2;
    const pdf = Buffer.from(
      body.replace(
        '[0 0000000000 0000000000 0000000000]',
        `[0 ${head.length - 1} ${start2} ${body.length - start2}]`.padEnd(36, ' '),
      ),
      'latin1',
    );
    expect(reasonOf(() => verifyPdfSignatures(pdf, anchors))).toMatch(/^signature-malformed: /);
  });
});
