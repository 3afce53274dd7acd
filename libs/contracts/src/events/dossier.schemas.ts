import { z } from 'zod';
import {
  agencyCode,
  applicantKey,
  applicantType,
  channel,
  domainCode,
  dossierCode,
  isoDateTime,
  label,
  portalStatusCode,
  procedureCode,
  safeCode,
  unitCode,
  uuid,
} from './common.schemas';

/**
 * What every dossier event carries: identity, the procedure version it is judged against, the
 * national-portal status after the event, and the portal sync timestamps (ISO instants; the
 * portal stream turns them into `yyyyMMddHHmmss`). Never a personal identification number:
 * the applicant is `applicantKey` only.
 */
export const dossierFactsSchema = z.object({
  dossierId: uuid,
  dossierCode,
  procedureCode,
  procedureVersion: z.int().positive(),
  agencyCode,
  domainCode,
  portalStatus: portalStatusCode,
  channel,
  applicantType,
  applicantKey,
  occurredAt: isoDateTime,
  /** Ngày tiếp nhận: when the desk (or the online system) received the complete dossier. */
  receivedAt: isoDateTime.optional(),
  /**
   * Ngày hẹn trả: the appointment date and time in force after this event, as told to the
   * applicant: after an apology (form 04) the promised date. Not the measure of on time.
   */
  dueDate: isoDateTime.optional(),
  /**
   * Hạn giải quyết theo quy định: the procedure's time limit counted from receipt (or from the
   * restart after a complete supplement). An apology never moves it; on time is judged against it.
   * Absent from events published before it existed: then `dueDate` is the legal date too unless
   * an extension happened.
   */
  legalDueDate: isoDateTime.optional(),
  /** Ngày trả kết quả. */
  returnedAt: isoDateTime.optional(),
  /** When the latest supplement request was issued. */
  supplementRequestedAt: isoDateTime.optional(),
});
export type DossierFacts = z.infer<typeof dossierFactsSchema>;

/**
 * Why a document is not scanned at receipt (Circular 03/2025/TT-VPCP Art. 5(2)): submitted
 * online, only shown (chỉ xuất trình), a verification result or opinion of a participating body,
 * or a secret document (tài liệu mật). Digitization rates leave exempt documents out.
 */
export const scanExemption = z.enum([
  'online',
  'shown_only',
  'participating_body_result',
  'secret',
]);
export type ScanExemption = z.infer<typeof scanExemption>;

/** Per document slot of the procedure: was it scanned at receipt, was it reused from the applicant's store. */
export const dossierDocumentSchema = z.object({
  code: safeCode,
  digitized: z.boolean(),
  reused: z.boolean(),
  /** Set when the document is exempt from scanning at receipt (absent: not exempt, or recorded before 2026-12). */
  scanExemption: scanExemption.optional(),
});
export type DossierDocument = z.infer<typeof dossierDocumentSchema>;

/** One step of the internal workflow with its responsible unit and its own due date. */
export const dossierStepSchema = z.object({
  order: z.int().positive(),
  name: label,
  unitCode,
  dueDate: isoDateTime,
});

/** Which deadline a due-soon/overdue event is about. */
export const dossierDeadlineSchema = z.object({
  scope: z.enum(['dossier', 'step', 'supplement']),
  stepOrder: z.int().positive().optional(),
  responsibleUnitCode: unitCode,
  deadline: isoDateTime,
});

export const exampleDossierFacts = {
  dossierId: '7a4e2c1b-9d3f-4b6a-8e5c-0f1d2a3b4c5d',
  dossierCode: '000.00.15.H26-261130-0001',
  procedureCode: '1.005432',
  procedureVersion: 2,
  agencyCode: '000.00.15.H26',
  domainCode: 'QLG',
  channel: 'online',
  applicantType: 'business',
  applicantKey: '9f2c4a7e1b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7',
  receivedAt: '2026-11-30T08:30:00+07:00',
  dueDate: '2026-12-07T11:30:00+07:00',
  legalDueDate: '2026-12-07T11:30:00+07:00',
} as const satisfies Partial<DossierFacts>;
