import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentDisposition } from './filename';
import type { FileDownload } from './file-access';

/** Streams a stored file with its own media type, never sniffed, always as an attachment. */
export async function sendDownload(reply: ServerResponse, file: FileDownload): Promise<void> {
  reply.statusCode = 200;
  reply.setHeader('Content-Type', file.mediaType);
  reply.setHeader('Content-Length', String(file.sizeBytes));
  reply.setHeader('X-Content-Type-Options', 'nosniff');
  reply.setHeader('Content-Disposition', contentDisposition(file.filename));
  reply.setHeader('Cache-Control', 'private, no-store');
  await pipeline(file.stream, reply);
}
