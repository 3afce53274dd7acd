import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { repoRoot } from './repo-root';

/**
 * A small public-key infrastructure for tests and the demo data: certificate authorities and
 * signers made here, and PDFs signed the way signing software does it (PAdES baseline: a CMS
 * SignedData, detached, with signed attributes, in the /Contents of a signature dictionary whose
 * /ByteRange covers the whole file except that hex string). node-forge builds the certificates
 * and the PKCS#7; keys come from node:crypto (much faster than forge's own RSA generation).
 */
export type Party = {
  certificate: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: string;
};

export type CertificateOptions = {
  commonName: string;
  /** Who signs this certificate; itself (a root CA) when absent. */
  issuer?: Party;
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
};

export function makeCertificate(options: CertificateOptions): Party {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600_000);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: 'motcua test PKI' },
    { name: 'countryName', value: 'VN' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(options.issuer ? options.issuer.certificate.subject.attributes : subject);
  certificate.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        ],
  );
  certificate.sign(options.issuer?.key ?? key, forge.md.sha256.create());
  return { certificate, key, pem: forge.pki.certificateToPem(certificate) };
}

/** A plain one-page PDF (the unsigned file a signer starts from). */
export function plainPdf(title: string): string {
  const text = `BT /F1 18 Tf 72 770 Td (${title}) Tj ET`;
  return [
    '%PDF-1.7',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>\nendobj',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>\nendobj',
    `4 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj`,
  ].join('\n');
}

const CONTENTS_HEX_LENGTH = 16384;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

/**
 * Signs `title`'s PDF: writes a signature field whose /Contents is a zero-filled placeholder,
 * computes the /ByteRange around it, signs the two ranges (CMS SignedData, detached, SHA-256,
 * signed attributes contentType, messageDigest, signingTime) and writes the DER into the
 * placeholder. `chain` certificates (intermediates) travel in the CMS too.
 */
export function signedPdf(
  title: string,
  signer: Party,
  options: { chain?: Party[]; signingTime?: Date } = {},
): Buffer {
  const signature = `5 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /P 3 0 R /V 6 0 R >>\nendobj\n6 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_HEX_LENGTH)}> >>\nendobj`;
  const text = `${plainPdf(title)}\n${signature}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
  const pdf = Buffer.from(text, 'latin1');
  const contentsStart = text.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + CONTENTS_HEX_LENGTH + 2;
  const ranges = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const byteRange = `/ByteRange [${ranges.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  pdf.write(byteRange, text.indexOf(BYTE_RANGE_PLACEHOLDER), 'latin1');
  const signedBytes = Buffer.concat([pdf.subarray(0, contentsStart), pdf.subarray(contentsEnd)]);

  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(signedBytes.toString('binary'));
  p7.addCertificate(signer.certificate);
  for (const party of options.chain ?? []) p7.addCertificate(party.certificate);
  p7.addSigner({
    key: signer.key,
    certificate: signer.certificate,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest },
      // forge's typings want a string; at run time it takes the Date (encoded as UTCTime).
      {
        type: forge.pki.oids.signingTime,
        value: (options.signingTime ?? new Date()) as unknown as string,
      },
    ],
  });
  p7.sign({ detached: true });
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary').toString('hex');
  if (der.length > CONTENTS_HEX_LENGTH)
    throw new Error('the signature does not fit its placeholder');
  pdf.write(der, contentsStart + 1, 'latin1');
  return pdf;
}

/**
 * The demo PKI of the local stack and the tests: a root CA (the stack's only signature trust
 * anchor, as the national root CA is in production), a provincial CA under it, and a signer
 * officer. Kept under `.data/pki/` (never committed; made again when missing or expired).
 */
export type DemoPki = { anchorFile: string; root: Party; province: Party; signer: Party };

export function demoPki(root = repoRoot()): DemoPki {
  const dir = join(root, '.data', 'pki');
  const names = ['root-ca', 'province-ca', 'signer'] as const;
  const read = (name: string): Party | undefined => {
    const [certFile, keyFile] = [join(dir, `${name}.pem`), join(dir, `${name}.key.pem`)];
    if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
    const pem = readFileSync(certFile, 'utf8');
    const certificate = forge.pki.certificateFromPem(pem);
    if (certificate.validity.notAfter.getTime() < Date.now() + 24 * 3600_000) return undefined;
    return {
      certificate,
      pem,
      key: forge.pki.privateKeyFromPem(readFileSync(keyFile, 'utf8')),
    };
  };
  const existing = names.map(read);
  if (existing.every(Boolean)) {
    const [rootCa, province, signer] = existing as Party[];
    return { anchorFile: join(dir, 'root-ca.pem'), root: rootCa, province, signer };
  }
  const year = 365 * 24 * 3600_000;
  const rootCa = makeCertificate({
    commonName: 'motcua demo Root CA (DU LIEU MAU)',
    ca: true,
    notAfter: new Date(Date.now() + 10 * year),
  });
  const province = makeCertificate({
    commonName: 'motcua demo Province CA (DU LIEU MAU)',
    ca: true,
    issuer: rootCa,
    notAfter: new Date(Date.now() + 5 * year),
  });
  const signer = makeCertificate({
    commonName: 'Can bo ky so mau - So Tai chinh (DU LIEU MAU)',
    issuer: province,
    notAfter: new Date(Date.now() + 2 * year),
  });
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string, mode: number) => {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text, { mode });
    renameSync(temp, file);
  };
  [rootCa, province, signer].forEach((party, i) => {
    write(join(dir, `${names[i]}.key.pem`), forge.pki.privateKeyToPem(party.key), 0o600);
    write(join(dir, `${names[i]}.pem`), party.pem, 0o644);
  });
  return { anchorFile: join(dir, 'root-ca.pem'), root: rootCa, province, signer };
}

/** A PDF signed by the demo signer, its provincial CA carried in the signature. */
export function demoSignedPdf(title: string, root = repoRoot()): Buffer {
  const pki = demoPki(root);
  return signedPdf(title, pki.signer, { chain: [pki.province] });
}
