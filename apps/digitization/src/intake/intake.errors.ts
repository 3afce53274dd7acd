import { DomainProblem } from '@motcua/http';

/** Why a file was refused. Each reason maps to one HTTP status and names the rule it broke. */
export type RejectionReason =
  | 'unsupported-media-type'
  | 'content-type-mismatch'
  | 'file-too-large'
  | 'empty-file'
  | 'truncated-file'
  | 'too-many-pages'
  | 'image-too-large'
  | 'malformed-file'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-byte-range-invalid'
  | 'signature-not-covering-file'
  | 'signature-digest-mismatch'
  | 'signature-invalid'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'certificate-untrusted';

const STATUS: Record<RejectionReason, number> = {
  'unsupported-media-type': 415,
  'content-type-mismatch': 415,
  'file-too-large': 413,
  'empty-file': 400,
  'truncated-file': 400,
  'too-many-pages': 422,
  'image-too-large': 422,
  'malformed-file': 422,
  'signature-missing': 422,
  'signature-malformed': 422,
  'signature-byte-range-invalid': 422,
  'signature-not-covering-file': 422,
  'signature-digest-mismatch': 422,
  'signature-invalid': 422,
  'certificate-expired': 422,
  'certificate-not-yet-valid': 422,
  'certificate-untrusted': 422,
};

/** Raised while a file streams in; the intake turns it into a problem and deletes the temp file. */
export class FileRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    detail: string,
    readonly field: 'content-type' | 'body' | 'kind' = 'body',
  ) {
    super(detail);
    this.name = 'FileRejected';
  }

  toProblem(): DomainProblem {
    return new DomainProblem(
      STATUS[this.reason],
      this.reason,
      'The file was refused',
      this.message,
      {
        errors: [{ field: this.field, rule: this.reason, message: this.message }],
      },
    );
  }
}
