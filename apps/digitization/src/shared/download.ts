import { pipeline } from 'node:stream/promises';
import { rawResponse, type HttpReply } from '@motcua/http';
import { contentDisposition } from './filename';
import type { FileDownload } from './file-access';

/** Streams a stored file with its own media type, never sniffed, always as an attachment. */
export async function sendDownload(reply: HttpReply, file: FileDownload): Promise<void> {
  const response = rawResponse(reply);
  response.statusCode = 200;
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Length', String(file.sizeBytes));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Disposition', contentDisposition(file.filename));
  response.setHeader('Cache-Control', 'private, no-store');
  await pipeline(file.stream, response);
}
