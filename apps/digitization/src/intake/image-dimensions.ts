/** Width and height read from an image header, before any pixel is decoded. */
export type Dimensions = { width: number; height: number };

const PNG_IHDR_END = 24;

/**
 * PNG: the IHDR chunk must come first (bytes 12..15 = "IHDR", width at 16, height at 20).
 * Returns 'need-more' until 24 bytes are there, 'malformed' when IHDR is not first.
 */
export function pngDimensions(head: Buffer): Dimensions | 'need-more' | 'malformed' {
  if (head.length < PNG_IHDR_END) return 'need-more';
  if (head.toString('latin1', 12, 16) !== 'IHDR') return 'malformed';
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

const SOF_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/** JPEG: walks the marker segments of the head up to the first SOFn frame header. */
export function jpegDimensions(head: Buffer): Dimensions | 'need-more' | 'malformed' {
  let offset = 2;
  while (offset + 4 <= head.length) {
    if (head[offset] !== 0xff) return 'malformed';
    const marker = head[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'malformed';
    const length = head.readUInt16BE(offset + 2);
    if (length < 2) return 'malformed';
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > head.length) return 'need-more';
      return { height: head.readUInt16BE(offset + 5), width: head.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return 'need-more';
}

/** True when the dimensions are zero or their product exceeds the pixel cap. */
export function exceedsPixels(dimensions: Dimensions, maxPixels: number): boolean {
  return dimensions.width * dimensions.height > maxPixels;
}
