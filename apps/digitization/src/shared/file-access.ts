import type { Readable } from 'node:stream';
import { DomainProblem } from '@motcua/http';

export type FileDownload = {
  stream: Readable;
  mediaType: string;
  sizeBytes: number;
  filename: string;
};

export const notFound = (what: string, field = 'id') =>
  new DomainProblem(404, `${what}-not-found`, 'Not found', `No ${what} with this ${field}.`, {
    errors: [{ field, rule: 'exists', message: `no ${what} with this ${field}` }],
  });
