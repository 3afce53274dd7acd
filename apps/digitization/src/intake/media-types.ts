/** What the intake accepts, by declared Content-Type; anything else is refused with 415. */
export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** `scan`: a scanned paper (any media type); `signed-pdf`: an electronic result, a PDF carrying a signature. */
export const FILE_KINDS = ['scan', 'signed-pdf'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function isMediaType(value: string): value is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(value);
}

/** `application/pdf; charset=x` → `application/pdf` (lower case, parameters dropped). */
export function essenceOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

const SIGNATURES: { type: MediaType; bytes: number[][] }[] = [
  { type: 'application/pdf', bytes: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { type: 'image/jpeg', bytes: [[0xff, 0xd8, 0xff]] },
  { type: 'image/png', bytes: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  {
    type: 'image/tiff',
    bytes: [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  },
];

/** The longest signature: how many bytes the sniffer needs before it can decide. */
export const MAGIC_LENGTH = 8;

/** The media type the first bytes announce (magic numbers at offset 0), or undefined. */
export function sniffMediaType(head: Buffer): MediaType | undefined {
  for (const { type, bytes } of SIGNATURES) {
    if (bytes.some((signature) => signature.every((byte, index) => head[index] === byte)))
      return type;
  }
  return undefined;
}
