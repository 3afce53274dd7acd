import type { TimeLimit } from '@motcua/calendar';

/** The four slips of Circular 01/2018/TT-VPCP the desk prints (forms 01-04). */
export const SLIP_KINDS = ['receipt', 'supplement', 'refusal', 'apology'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/** What a slip prints, gathered from the dossier record, its procedure copy and its action log. */
export type SlipData = {
  kind: SlipKind;
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
  issuedAt: Date;
  /** The link the QR code opens (may carry the secret in its fragment). */
  qrUrl: string;
  /** The same link without any secret, printed as text under the QR code. */
  printedUrl: string;
};

/** One line of the slip's body. */
export type SlipLine = { text: string; bold?: boolean; indent?: number; align?: 'left' | 'center' | 'right' };

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
