import { inflateSync } from 'node:zlib';

/**
 * A minimal text extractor for the PDFs pdfkit writes (no PDF parser is installed): inflates the
 * streams, reads each Type0 font's ToUnicode map and decodes the hex strings of the pages' TJ/Tj
 * operators with the font selected by Tf. Returns one string per text block (BT … ET), i.e. per
 * printed line. Enough for our own slips; not a general PDF reader.
 */
type PdfObject = { dict: string; stream?: Buffer };

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const [dict, rest] = match[2].split(/stream\r?\n/, 2);
    let stream: Buffer | undefined;
    if (rest !== undefined) {
      const raw = Buffer.from(rest.replace(/\r?\nendstream\s*$/, ''), 'latin1');
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { dict, stream });
  }
  return objects;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, block] of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const start = parseInt(m[1], 16);
      const end = parseInt(m[2], 16);
      if (m[3].startsWith('['))
        [...m[3].matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(start + i, utf16(u[1])));
      else
        for (let code = start, base = parseInt(m[3].slice(1, -1), 16); code <= end; code++)
          map.set(code, String.fromCharCode(base + code - start));
    }
  }
  for (const [, block] of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  return map;
}

export function pdfTextLines(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const lines: string[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const resources = objects.get(ref(page.dict, 'Resources'))?.dict ?? page.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, num] of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(
      /\/(\w+) (\d+) 0 R/g,
    )) {
      const toUnicode = objects.get(ref(objects.get(Number(num))!.dict, 'ToUnicode'));
      fonts.set(name, cmapOf(toUnicode?.stream?.toString('latin1') ?? ''));
    }
    const content = objects.get(ref(page.dict, 'Contents'))!.stream!.toString('latin1');
    for (const [, block] of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let cmap = new Map<number, string>();
      let line = '';
      for (const op of block.matchAll(/\/(\w+) [\d.]+ Tf|(\[[^\]]*\]) TJ|<([0-9a-f]*)> Tj/gi)) {
        if (op[1]) cmap = fonts.get(op[1]) ?? new Map();
        const hexes = op[2]
          ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1])
          : op[3] !== undefined
            ? [op[3]]
            : [];
        for (const hex of hexes)
          line += (hex.match(/.{4}/g) ?? [])
            .map((g) => cmap.get(parseInt(g, 16)) ?? '\uFFFD')
            .join('');
      }
      lines.push(line);
    }
  }
  return lines;
}
