import type { TimeLimit } from '@motcua/calendar';

/**
 * The slips the desk prints for one dossier, numbered by the form edition in force on its date
 * of receipt (form-editions.ts): Circular 03/2025 forms 01-06 from 1/7/2025 (05 stop notice,
 * 06 control sheet), Circular 01/2018 forms 01-05 before (05 control sheet, no stop notice).
 */
export const SLIP_KINDS = [
  'receipt',
  'supplement',
  'refusal',
  'apology',
  'stop-notice',
  'control-sheet',
] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/** One workflow step as the control sheet prints it. */
export type ControlSheetStep = {
  order: number;
  name: string;
  unitName: string;
  startedAt: Date | null;
  dueAt: Date;
  completedAt: Date | null;
};

/** What a slip prints, gathered from the dossier record, its procedure copy and its action log. */
export type SlipData = {
  kind: SlipKind;
  /** Number, title and citation of the form in the edition governing this dossier. */
  form: { number: string; title: string; label: string };
  /** Cơ quan chủ trì giải quyết (the procedure's deciding agency) and its code. */
  agencyName: string;
  agencyCode: string;
  /** Bộ phận tiếp nhận và trả kết quả (first unit of the workflow). */
  receivingUnit: string;
  code: string;
  procedureName: string;
  applicantName: string;
  organisationName?: string;
  /** Never the full identifier: maskPersonalId of the contracts. */
  maskedIdentifier: string;
  receivedAt: Date;
  /** The appointment date given on the receipt (before any extension). */
  appointmentAt: Date | null;
  timeLimit: TimeLimit;
  /** Submitted documents, named from the procedure copy. */
  documents: string[];
  /** Missing documents of the supplement request (every one at once). */
  missing: string[];
  refusalReasons: string[];
  apology?: { previousDueAt: Date; newDueAt: Date; reason: string };
  /** Hạn giải quyết theo quy định (unmoved by an apology). */
  legalDueAt: Date | null;
  /** The applicant's stop request (form 05). */
  stop?: {
    requestedAt: Date;
    reason: string;
    requestChannel: 'in_person' | 'postal' | 'online';
    noticeNumber?: string;
  };
  /** The workflow (control sheet). */
  steps: ControlSheetStep[];
  issuedAt: Date;
  /** The link the QR code opens (may carry the secret in its fragment). */
  qrUrl: string;
  /** The same link without any secret, printed as text under the QR code. */
  printedUrl: string;
};

/** One line of the slip's body. */
export type SlipLine = {
  text: string;
  bold?: boolean;
  indent?: number;
  align?: 'left' | 'center' | 'right';
};

/** The slip as the renderer draws it: a pure model, so tests read exactly the text that is printed. */
export type SlipLayout = {
  header: { left: string[]; right: string[] };
  /** Place and date line under the header (right-aligned). */
  dateLine: string;
  title: string;
  subtitle?: string;
  lines: SlipLine[];
  signatures: { title: string; note: string }[];
  qr: { url: string; caption: string };
};

/** Every text the layout prints, in drawing order. */
export function textOf(layout: SlipLayout): string[] {
  return [
    ...layout.header.left,
    ...layout.header.right,
    layout.dateLine,
    layout.title,
    ...(layout.subtitle ? [layout.subtitle] : []),
    ...layout.lines.map((l) => l.text),
    ...layout.signatures.flatMap((s) => [s.title, s.note]),
    layout.qr.caption,
  ];
}
