import type { FileHandle } from 'node:fs/promises';
import type { Dimensions } from './image-dimensions';

export type TiffSummary =
  { pages: number; first?: Dimensions } | { error: 'truncated' | 'malformed' | 'too-many-pages' };

/**
 * Walks the chain of image file directories (one per page) of a TIFF on disk. Bounded: stops
 * after `maxPages + 1` directories, refuses a directory offset outside the file or seen
 * before (a loop), and reads only 2 + 12 × entries bytes per directory.
 */
export async function tiffPages(
  file: FileHandle,
  size: number,
  maxPages: number,
): Promise<TiffSummary> {
  const header = await read(file, 0, 8);
  const little = header.toString('latin1', 0, 2) === 'II';
  const u16 = (b: Buffer, o: number) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  let offset = u32(header, 4);
  const seen = new Set<number>();
  let pages = 0;
  let first: Dimensions | undefined;
  while (offset !== 0) {
    if (offset < 8 || offset + 2 > size) return { error: 'truncated' };
    if (seen.has(offset)) return { error: 'malformed' };
    seen.add(offset);
    const entries = u16(await read(file, offset, 2), 0);
    const end = offset + 2 + entries * 12 + 4;
    if (end > size) return { error: 'truncated' };
    const directory = await read(file, offset + 2, entries * 12 + 4);
    if (pages === 0) first = dimensionsOf(directory, entries, u16, u32);
    pages += 1;
    if (pages > maxPages) return { error: 'too-many-pages' };
    offset = u32(directory, entries * 12);
  }
  return pages === 0 ? { error: 'malformed' } : { pages, first };
}

function dimensionsOf(
  directory: Buffer,
  entries: number,
  u16: (b: Buffer, o: number) => number,
  u32: (b: Buffer, o: number) => number,
): Dimensions | undefined {
  let width: number | undefined;
  let height: number | undefined;
  for (let i = 0; i < entries; i += 1) {
    const at = i * 12;
    const tag = u16(directory, at);
    const type = u16(directory, at + 2);
    const value = type === 3 ? u16(directory, at + 8) : u32(directory, at + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== undefined && height !== undefined ? { width, height } : undefined;
}

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
