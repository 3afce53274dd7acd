import type { ProcedureVersion } from '@motcua/contracts';
import { maskPersonalId } from '@motcua/contracts';
import type { FieldViolation } from '@motcua/http';
import type { DossierStatus, MissingItem, SubmittedDocument } from '../dossier/dossier-status';
import type { Dossier } from '../generated/prisma/client';
import { toLocalDate } from '@motcua/calendar';
import { formFor, formLabel } from './form-editions';
import type { ControlSheetStep, SlipData, SlipKind } from './slip.types';

/** The extension (form 04) as the action log recorded it. */
export type ExtensionRecord = { previousDueAt: string; newDueAt: string; reason: string };

/** The stop at the applicant's request as the action log recorded it (details and instant). */
export type StopRecord = {
  reason: string;
  requestChannel: 'in_person' | 'postal' | 'online';
  notice?: { number?: string };
  occurredAt: Date;
};

const RECEIVED_ONCE: readonly DossierStatus[] = [
  'received',
  'processing',
  'supplement_requested',
  'refused',
  'processed',
  'result_returned',
  'withdrawn',
  'stopped',
];

/** Why a slip kind does not apply to the dossier in its current state, or null when it does. */
export function slipNotApplicable(
  kind: SlipKind,
  dossier: Pick<Dossier, 'status' | 'missing' | 'refusalReasons' | 'extensionCount' | 'receivedAt'>,
  stop: StopRecord | null = null,
): FieldViolation | null {
  const status = dossier.status as DossierStatus;
  const violation = (rule: string, message: string) => ({ field: 'kind', rule, message });
  const receivedOn = toLocalDate(dossier.receivedAt);
  if (!formFor(kind, receivedOn)) {
    return violation(
      'form-in-edition',
      `the forms in force for a dossier received on ${receivedOn} have no ${kind} form`,
    );
  }
  switch (kind) {
    case 'receipt':
      return RECEIVED_ONCE.includes(status)
        ? null
        : violation(
            'receipt-needs-received-dossier',
            `a receipt slip is only for a received dossier; this one is ${status}`,
          );
    case 'supplement':
      return (status === 'intake_supplement' || status === 'supplement_requested') &&
        listOf(dossier.missing).length > 0
        ? null
        : violation(
            'supplement-needs-open-request',
            `a supplement request slip needs an open supplement request; the dossier is ${status}`,
          );
    case 'refusal':
      return (status === 'not_received' || status === 'refused') &&
        listOf(dossier.refusalReasons).length > 0
        ? null
        : violation(
            'refusal-needs-refused-dossier',
            `a refusal slip is only for a refused dossier; this one is ${status}`,
          );
    case 'apology':
      return dossier.extensionCount > 0
        ? null
        : violation(
            'apology-needs-extension',
            'an apology slip needs an extension (new appointment date) of the dossier',
          );
    case 'stop-notice':
      return status === 'stopped' && stop
        ? null
        : violation(
            'stop-notice-needs-applicant-stop',
            `a stop notice (form 05) is only for a dossier stopped at the applicant's request; this one is ${status}`,
          );
    case 'control-sheet':
      return RECEIVED_ONCE.includes(status)
        ? null
        : violation(
            'control-sheet-needs-received-dossier',
            `a processing control sheet is only for a received dossier; this one is ${status}`,
          );
  }
}

/** Fills a slip from the dossier, the procedure version it was judged against and its extension, if any. */
export function slipDataOf(input: {
  kind: SlipKind;
  dossier: Dossier;
  procedure: ProcedureVersion | null;
  extension: ExtensionRecord | null;
  stop?: StopRecord | null;
  steps?: ControlSheetStep[];
  issuedAt: Date;
  qrUrl: string;
  printedUrl: string;
}): SlipData {
  const { dossier, procedure, extension } = input;
  const form = formFor(input.kind, toLocalDate(dossier.receivedAt))!;
  const documentName = (code: string) =>
    procedure?.requiredDocuments.find((d) => d.code === code)?.name ?? code;
  const documents = listOf<SubmittedDocument>(dossier.documents).map(
    (d) => `${documentName(d.code)} (${d.code})${d.digitized ? ', đã số hóa' : ''}`,
  );
  const missing = listOf<MissingItem>(dossier.missing).map(
    (m) => m.description + (m.documentCode ? ` (${m.documentCode})` : ''),
  );
  return {
    kind: input.kind,
    form: { number: form.number, title: form.title, label: formLabel(form) },
    agencyName: procedure?.decidingAgency ?? dossier.agencyCode,
    agencyCode: dossier.agencyCode,
    receivingUnit: procedure?.workflow[0]?.unitName ?? 'Bộ phận tiếp nhận và trả kết quả',
    code: dossier.code,
    procedureName: procedure?.name ?? dossier.procedureCode,
    applicantName: dossier.applicantName,
    organisationName: dossier.organisationName ?? undefined,
    maskedIdentifier: maskPersonalId(dossier.applicantIdentifier),
    receivedAt: dossier.receivedAt,
    // The receipt shows the date it gave; an extension later moves it (form 04).
    appointmentAt: extension ? new Date(extension.previousDueAt) : dossier.dueAt,
    timeLimit: dossier.timeLimit as SlipData['timeLimit'],
    documents,
    missing,
    refusalReasons: listOf<string>(dossier.refusalReasons),
    apology: extension
      ? {
          previousDueAt: new Date(extension.previousDueAt),
          newDueAt: new Date(extension.newDueAt),
          reason: extension.reason,
        }
      : undefined,
    legalDueAt: dossier.legalDueAt ?? dossier.dueAt,
    stop: input.stop
      ? {
          requestedAt: input.stop.occurredAt,
          reason: input.stop.reason,
          requestChannel: input.stop.requestChannel,
          noticeNumber: input.stop.notice?.number,
        }
      : undefined,
    steps: input.steps ?? [],
    issuedAt: input.issuedAt,
    qrUrl: input.qrUrl,
    printedUrl: input.printedUrl,
  };
}

function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
