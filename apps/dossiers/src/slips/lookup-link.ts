import type { DossiersConfig } from '../config';

/**
 * The link the slip's QR code opens: the public lookup of the dossier code. The lookup also needs
 * the applicant's secret, of which only a hash is stored; when the officer supplies it, it travels
 * in the fragment (`#secret=…`), which browsers never send to a server, so it stays out of access
 * logs, proxies and Referer headers. The lookup page reads it client-side.
 */
export function lookupUrl(base: string, code: string, secret?: string): string {
  const url = `${base.replace(/\/+$/, '')}/${encodeURIComponent(code)}`;
  return secret ? `${url}#secret=${encodeURIComponent(secret)}` : url;
}

/** PUBLIC_LOOKUP_URL, else the service's own public lookup under PUBLIC_BASE_URL (or the dev stack's port). */
export function lookupBaseOf(
  config: Pick<DossiersConfig, 'PUBLIC_LOOKUP_URL' | 'PUBLIC_BASE_URL'>,
): string {
  if (config.PUBLIC_LOOKUP_URL) return config.PUBLIC_LOOKUP_URL;
  return `${(config.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3102').replace(/\/+$/, '')}/public/dossiers`;
}

/**
 * The QR code of a link as a PNG image (error correction M: survives a smudged paper slip). qrcode
 * is loaded with the first slip, as pdfkit is: an idle service does not hold it (issue 17).
 */
export async function qrPng(url: string): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
}
