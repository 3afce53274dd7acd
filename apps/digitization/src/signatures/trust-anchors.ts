import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates a signature's chain must end at (chứng thư số gốc): in production Vietnam's
 * national root CA (the National Electronic Authentication Centre, NEAC) and the CAs the province
 * accepts (the Government's specialised CA run by Ban Cơ yếu Chính phủ), as PEM files listed in
 * SIGNATURE_TRUST_ANCHORS_FILE (comma-separated), and/or PEM text in SIGNATURE_TRUST_ANCHORS_PEM.
 * A file that holds no certificate, or a block that does not parse, stops the service at start.
 */
export function loadTrustAnchors(
  files: string | undefined,
  pem: string | undefined,
): X509Certificate[] {
  const sources = [
    ...(files ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((file) => ({ name: file, text: readFileSync(file, 'utf8') })),
    ...(pem ? [{ name: 'SIGNATURE_TRUST_ANCHORS_PEM', text: pem }] : []),
  ];
  return sources.flatMap(({ name, text }) => {
    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) throw new Error(`${name} holds no PEM certificate`);
    return blocks.map((block) => {
      const certificate = new X509Certificate(block);
      if (!certificate.ca)
        throw new Error(
          `${name}: ${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate`,
        );
      return certificate;
    });
  });
}
