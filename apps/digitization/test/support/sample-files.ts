/** Small but structurally real sample files for tests (no decoder needs them, the intake reads headers). */

export function samplePdf(
  options: { pages?: number; signed?: boolean; marker?: string } = {},
): Buffer {
  const pages = options.pages ?? 1;
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj',
    `2 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${pages} >>\nendobj`,
    ...Array.from(
      { length: pages },
      (_, i) => `${i + 3} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj`,
    ),
  ];
  if (options.signed)
    objects.push(
      `${pages + 3} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 100 200 300] /Contents <3082> >>\nendobj`,
    );
  const body = `%PDF-1.7\n% ${options.marker ?? 'motcua'}\n${objects.join('\n')}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

export function samplePng(width = 4, height = 3): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00])),
    Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ]);
}

export function sampleJpeg(width = 16, height = 8): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app0,
    sof,
    Buffer.from([0xff, 0xda, 0x00, 0x02, 0x00, 0x11, 0xff, 0xd9]),
  ]);
}

/** A little-endian TIFF with `pages` image file directories (width and height tags only). */
export function sampleTiff(pages = 1, width = 10, height = 10): Buffer {
  const ifdSize = 2 + 2 * 12 + 4;
  const buffer = Buffer.alloc(8 + pages * ifdSize);
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(8, 4);
  for (let page = 0; page < pages; page += 1) {
    const at = 8 + page * ifdSize;
    buffer.writeUInt16LE(2, at);
    [
      [256, width],
      [257, height],
    ].forEach(([tag, value], i) => {
      const entry = at + 2 + i * 12;
      buffer.writeUInt16LE(tag, entry);
      buffer.writeUInt16LE(4, entry + 2);
      buffer.writeUInt32LE(1, entry + 4);
      buffer.writeUInt32LE(value, entry + 8);
    });
    buffer.writeUInt32LE(page + 1 < pages ? at + ifdSize : 0, at + 2 + 24);
  }
  return buffer;
}
