import { lineText } from '@motcua/contracts';

/**
 * A filename is metadata only, never a path: one line of request text (NFC, trimmed, no control
 * characters) of at most 200 characters, no slash or backslash, no `..`, no leading dot.
 */
export const safeFilename = lineText(200)
  .refine((name) => !/[/\\]/.test(name), 'must be a file name, not a path (no / or \\)')
  .refine(
    (name) => !name.includes('..') && !name.startsWith('.'),
    'must not contain .. or start with a dot',
  );

/** ASCII fallback for Content-Disposition `filename=`; the UTF-8 name goes in `filename*=`. */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 120) || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
