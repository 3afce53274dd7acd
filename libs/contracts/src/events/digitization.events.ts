import { z } from 'zod';
import { defineEventFamily } from '../define-event';
import {
  actorSchema,
  agencyCode,
  applicantKey,
  dossierCode,
  freeText,
  isoDate,
  isoDateTime,
  label,
  procedureCode,
  safeCode,
  sha256Hex,
  uuid,
} from './common.schemas';

/**
 * Số hóa: digitized documents, electronic results and their reuse. Topic
 * `digitization.document.v1`, key = applicantKey. The aggregate of the digitization service is
 * the applicant's document store: a document digitized for one dossier is reused by a later
 * dossier of the same applicant, and a result is issued then maybe revoked. Keying by applicant
 * keeps all of that in order on one partition (keying by dossier would let `document.reused`
 * overtake the `document.digitized` of an earlier dossier).
 */
const digitizationEvent = defineEventFamily({
  topic: 'digitization.document.v1',
  keyField: 'applicantKey',
  source: '/motcua/digitization',
});

const base = z.object({ applicantKey, occurredAt: isoDateTime });
/** The dossier a document or result belongs to. */
const dossierRef = { dossierId: uuid, dossierCode };
const exampleApplicant = '9f2c4a7e1b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7';
const exampleDossier = {
  dossierId: '7a4e2c1b-9d3f-4b6a-8e5c-0f1d2a3b4c5d',
  dossierCode: '000.00.15.H26-261130-0001',
};

export const documentDigitized = digitizationEvent({
  name: 'motcua.document.digitized',
  version: 1,
  summary:
    'A paper document of a dossier was scanned into the system (content-addressed by its SHA-256) and stored for the applicant.',
  schema: base.extend({
    documentId: uuid,
    ...dossierRef,
    /** The document slot of the procedure (thành phần hồ sơ code). */
    documentCode: safeCode,
    checksumSha256: sha256Hex,
    pages: z.int().positive(),
    mediaType: safeCode,
    sizeBytes: z.int().positive(),
    digitizedBy: actorSchema,
    /** Also stored in the applicant's document store (kho dữ liệu của công dân/tổ chức). */
    syncedToApplicantStore: z.boolean(),
  }),
  example: {
    applicantKey: exampleApplicant,
    occurredAt: '2026-11-30T08:35:00+07:00',
    documentId: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
    ...exampleDossier,
    documentCode: 'BDKG',
    checksumSha256: '4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a',
    pages: 3,
    mediaType: 'application/pdf',
    sizeBytes: 482_113,
    digitizedBy: { unitCode: 'VP.MC' },
    syncedToApplicantStore: true,
  },
});

export const resultIssued = digitizationEvent({
  name: 'motcua.result.issued',
  version: 1,
  summary:
    'A result (licence, certificate, notice...) was issued for a dossier, electronically or on paper and digitized.',
  schema: base.extend({
    resultId: uuid,
    ...dossierRef,
    procedureCode,
    resultType: safeCode,
    number: safeCode,
    issuedOn: isoDate,
    /** Absent when the result does not expire. */
    validUntil: isoDate.optional(),
    issuingAgencyCode: agencyCode,
    issuingAgencyName: label,
    /** Issued as an electronic (signed) document rather than a scan of paper. */
    electronic: z.boolean(),
    checksumSha256: sha256Hex.optional(),
  }),
  example: {
    applicantKey: exampleApplicant,
    occurredAt: '2026-12-04T15:00:00+07:00',
    resultId: 'e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5',
    ...exampleDossier,
    procedureCode: '1.005432',
    resultType: 'notice',
    number: '1234/TB-STC',
    issuedOn: '2026-12-04',
    issuingAgencyCode: '000.00.15.H26',
    issuingAgencyName: 'Sở Tài chính',
    electronic: true,
    checksumSha256: '2c624232cdd221771294dfbb310aca000a0df6ac8b66b696d90ef06fdefb64a3',
  },
});

export const resultRevoked = digitizationEvent({
  name: 'motcua.result.revoked',
  version: 1,
  summary: 'An issued result was revoked (thu hồi) and may no longer be reused.',
  schema: base.extend({
    resultId: uuid,
    number: safeCode,
    revokedOn: isoDate,
    reason: freeText,
    revokingAgencyCode: agencyCode,
    decisionNumber: safeCode.optional(),
  }),
  example: {
    applicantKey: exampleApplicant,
    occurredAt: '2027-03-01T10:00:00+07:00',
    resultId: 'e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5',
    number: '1234/TB-STC',
    revokedOn: '2027-03-01',
    reason: 'Doanh nghiệp đã giải thể',
    revokingAgencyCode: '000.00.15.H26',
    decisionNumber: '56/QĐ-STC',
  },
});

export const documentReused = digitizationEvent({
  name: 'motcua.document.reused',
  version: 1,
  summary:
    "A stored document or result of the applicant replaced a paper document of a new dossier (reuse, Decision 766 'documents replaced by reuse').",
  schema: base.extend({
    ...dossierRef,
    documentCode: safeCode,
    source: z.object({
      kind: z.enum(['document', 'result']),
      id: uuid,
      fromDossierId: uuid.optional(),
    }),
  }),
  example: {
    applicantKey: exampleApplicant,
    occurredAt: '2026-11-30T08:31:00+07:00',
    ...exampleDossier,
    documentCode: 'GPKD',
    source: {
      kind: 'result',
      id: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      fromDossierId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
    },
  },
});

export const DIGITIZATION_EVENTS = [
  documentDigitized,
  resultIssued,
  resultRevoked,
  documentReused,
] as const;
