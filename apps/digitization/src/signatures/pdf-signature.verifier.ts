import { X509Certificate, createHash, verify as verifySignature } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { FileRejected } from '../intake/intake.errors';
import { findSignatureFields, type SignatureField } from './pdf-signature.fields';

/** What the service records of a verified signature (chữ ký số đã kiểm tra). */
export type VerifiedSignature = {
  /** The signer certificate's subject, as the certificate names it. */
  signer: string;
  /** The signer certificate's issuer and serial number (hex). */
  issuer: string;
  serialNumber: string;
  /** The signing time the signer claims (signed attribute signingTime), when present. */
  signingTime?: string;
  /** The trust anchor the chain ends at. */
  trustAnchor: string;
  /** Validity of the signature as verified at `verifiedAt` (only valid signatures are kept). */
  validity: 'valid';
  verifiedAt: string;
};

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  subjectKeyIdentifier: '2.5.29.14',
};
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
/** RSA PKCS #1 v1.5 (rsaEncryption or shaNNNWithRSAEncryption) and ECDSA; the digest comes from the SignerInfo. */
const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.2.1',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);
const MAX_CHAIN = 8;

const refuse = (reason: ConstructorParameters<typeof FileRejected>[0], detail: string): never => {
  throw new FileRejected(reason, detail);
};

/**
 * Verifies every signature of a PDF (PAdES / adbe.pkcs7.detached), as a relying party checks a
 * digital signature before trusting an electronic result (docs/digitization.md, "Signed PDFs"):
 *   1. the /ByteRange is sane: starts at 0, leaves out exactly the /Contents hex string, and the
 *      last signature covers the file to its end (nothing added after signing);
 *   2. the digest of the two byte ranges equals the signed attribute messageDigest (else the file
 *      was altered after signing);
 *   3. the signature over the signed attributes verifies with the signer certificate's key;
 *   4. the signer certificate chains, through certificates carried in the CMS, to a configured
 *      trust anchor, every certificate valid at `now`.
 * Throws FileRejected naming the reason; answers what was verified otherwise.
 */
export function verifyPdfSignatures(
  pdf: Buffer,
  anchors: X509Certificate[],
  now = new Date(),
): VerifiedSignature[] {
  const fields = findSignatureFields(pdf);
  if (fields.length === 0)
    refuse(
      'signature-missing',
      'the PDF carries no signature dictionary with a /ByteRange and /Contents',
    );
  const end = Math.max(...fields.map((field) => field.ranges[2] + field.ranges[3]));
  if (end !== pdf.length) {
    refuse(
      'signature-not-covering-file',
      `the last signature covers ${end} of ${pdf.length} bytes: the file was changed after it was signed`,
    );
  }
  return fields.map((field) => verifyField(pdf, field, anchors, now));
}

function verifyField(
  pdf: Buffer,
  field: SignatureField,
  anchors: X509Certificate[],
  now: Date,
): VerifiedSignature {
  const signed = parseSignedData(field.contents);
  if (signed.signerInfos.length !== 1)
    refuse(
      'signature-malformed',
      `the signature holds ${signed.signerInfos.length} signers (one expected)`,
    );
  const signerInfo = signed.signerInfos[0];
  const digest =
    DIGESTS[signerInfo.digestAlgorithm.algorithmId] ??
    refuse(
      'signature-malformed',
      `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not accepted (SHA-256, -384 or -512)`,
    );
  const attributes =
    signerInfo.signedAttrs ??
    refuse('signature-malformed', 'the signature has no signed attributes (PAdES requires them)');
  const attribute = (type: string): unknown =>
    attributes.attributes.find((a) => a.type === type)?.values[0] as unknown;

  const [start1, length1, start2, length2] = field.ranges;
  const data = Buffer.concat([
    pdf.subarray(start1, start1 + length1),
    pdf.subarray(start2, start2 + length2),
  ]);
  const claimed = attribute(OID.messageDigest);
  if (!(claimed instanceof asn1js.OctetString))
    refuse('signature-malformed', 'the signed attributes carry no messageDigest');
  const actual = createHash(digest).update(data).digest();
  if (!actual.equals(Buffer.from((claimed as asn1js.OctetString).valueBlock.valueHexView))) {
    refuse(
      'signature-digest-mismatch',
      'the signed bytes do not match the signature: the file was altered after signing',
    );
  }

  const certificates = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const signerCertificate =
    certificates.find((c) => identifies(signerInfo.sid, c)) ??
    refuse('signature-malformed', 'the signer certificate is not carried in the signature');
  const signer = new X509Certificate(Buffer.from(signerCertificate.toSchema(true).toBER()));
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (!SIGNATURE_ALGORITHMS.has(algorithm))
    refuse('signature-malformed', `signature algorithm ${algorithm} is not accepted`);
  const signedAttributes = new Uint8Array(attributes.encodedValue);
  signedAttributes[0] = 0x31; // signed over as a SET OF (RFC 5652 §5.4), stored with the [0] tag
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  if (!verifySignature(digest, signedAttributes, signer.publicKey, signature)) {
    refuse('signature-invalid', "the signature does not verify with the signer certificate's key");
  }

  const pool = certificates.map((c) => new X509Certificate(Buffer.from(c.toSchema(true).toBER())));
  const anchor = chainToAnchor(signer, pool, anchors, now);
  const signingTime = attribute(OID.signingTime);
  return {
    signer: signer.subject.replace(/\n/g, ', '),
    issuer: signer.issuer.replace(/\n/g, ', '),
    serialNumber: signer.serialNumber,
    signingTime:
      signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime
        ? signingTime.toDate().toISOString()
        : undefined,
    trustAnchor: anchor.subject.replace(/\n/g, ', '),
    validity: 'valid',
    verifiedAt: now.toISOString(),
  };
}

function parseSignedData(der: Buffer): pkijs.SignedData {
  try {
    const parsed = asn1js.fromBER(new Uint8Array(der));
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== OID.signedData) throw new Error(`content type ${info.contentType}`);
    return new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return refuse(
      'signature-malformed',
      `the /Contents is not a CMS SignedData (${(error as Error).message})`,
    );
  }
}

function identifies(sid: unknown, certificate: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)
    );
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.OctetString) {
    const ski = certificate.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)
      ?.parsedValue as asn1js.OctetString | undefined;
    const wanted =
      sid instanceof asn1js.OctetString
        ? sid
        : (sid.valueBlock.value[0] as asn1js.OctetString | undefined);
    return (
      !!ski &&
      !!wanted &&
      Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(wanted.valueBlock.valueHexView))
    );
  }
  return false;
}

/** Walks from the signer to a trust anchor, each certificate issued (and signed) by the next, all valid at `now`. */
function chainToAnchor(
  signer: X509Certificate,
  pool: X509Certificate[],
  anchors: X509Certificate[],
  now: Date,
): X509Certificate {
  if (anchors.length === 0)
    refuse(
      'certificate-untrusted',
      'no trust anchors are configured (SIGNATURE_TRUST_ANCHORS_FILE): no signature can be trusted',
    );
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
    checkValidity(current, now, depth === 0 ? 'signer' : 'intermediate');
    const anchor = anchors.find(
      (a) => a.fingerprint256 === current.fingerprint256 || issuedBy(current, a),
    );
    if (anchor) {
      checkValidity(anchor, now, 'trust anchor');
      return anchor;
    }
    const issuer = pool.find(
      (c) => c.fingerprint256 !== current.fingerprint256 && c.ca && issuedBy(current, c),
    );
    if (!issuer)
      refuse(
        'certificate-untrusted',
        `the certificate of ${current.subject.replace(/\n/g, ', ')} does not chain to a configured trust anchor`,
      );
    current = issuer!;
  }
  return refuse('certificate-untrusted', `the certificate chain is longer than ${MAX_CHAIN}`);
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

function checkValidity(certificate: X509Certificate, now: Date, role: string): void {
  if (now < new Date(certificate.validFrom))
    refuse(
      'certificate-not-yet-valid',
      `the ${role} certificate is valid only from ${new Date(certificate.validFrom).toISOString()}`,
    );
  if (now > new Date(certificate.validTo))
    refuse(
      'certificate-expired',
      `the ${role} certificate expired on ${new Date(certificate.validTo).toISOString()}`,
    );
}
