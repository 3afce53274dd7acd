import { z } from 'zod';
import { defineEvent } from '../define-event';
import { agencyCode, dossierCode, portalStatusCode, procedureCode } from './common.schemas';
import {
  dossierDocumentSchema,
  dossierFactsSchema,
  exampleDossierFacts,
  type DossierFacts,
} from './dossier.schemas';
import { maskPersonalId } from './personal-data';
import { asChecked } from '../validated';

/**
 * The public portal stream (topic `portal.dossier-status.v1`, key = dossierCode): a dossier's
 * status as the provincial / national portal shows it, and nothing more. Every object is strict
 * (no extra field passes), identifiers are masked, codes may not hold a 9-digit run, and the only
 * way to build a value is `toPortalDossierStatus` (the type is branded).
 */

/** Portal channel codes: 1 in person, 2 online, 3 postal. */
export const PORTAL_CHANNEL_CODE = { in_person: 1, online: 2, postal: 3 } as const;
/** Portal applicant type codes: 1 citizen, 2 business, 3 state body, 4 organisation. */
export const PORTAL_APPLICANT_TYPE_CODE = {
  citizen: 1,
  business: 2,
  state_body: 3,
  organisation: 4,
} as const;

/** `yyyyMMddHHmmss`, local time of Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const portalTimestamp = z
  .string()
  .regex(
    /^\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d[0-5]\d$/,
    'must be yyyyMMddHHmmss (Asia/Ho_Chi_Minh)',
  );

/** At most the first 4 and the last 2 characters visible, at least 3 masked: `0010******45`. */
export const maskedPersonalId = z
  .string()
  .max(24)
  .regex(/^[0-9A-Z]{0,4}\*{3,}[0-9A-Z]{0,2}$/, 'must be a masked identifier like 0010******45');

/** A short code (domain, document slot) that cannot smuggle an identification number. */
const portalCode = z
  .string()
  .regex(/^(?!.*\d{9})[A-Za-z0-9._-]{1,32}$/, 'must be a short code without a 9-digit run');

export const portalDossierStatusSchema = z
  .strictObject({
    dossierCode,
    procedureCode,
    domainCode: portalCode,
    agencyCode,
    portalStatus: portalStatusCode,
    channel: z.literal([1, 2, 3]),
    applicantType: z.literal([1, 2, 3, 4]),
    applicantIdentifier: maskedPersonalId,
    /** When the status last changed. */
    updatedAt: portalTimestamp,
    receivedAt: portalTimestamp.optional(),
    dueAt: portalTimestamp.optional(),
    returnedAt: portalTimestamp.optional(),
    supplementRequestedAt: portalTimestamp.optional(),
    documents: z.array(
      z.strictObject({ code: portalCode, digitized: z.boolean(), reused: z.boolean() }),
    ),
  })
  .brand<'PortalDossierStatus'>();
export type PortalDossierStatus = z.infer<typeof portalDossierStatusSchema>;

const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

/** ISO instant → `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. */
export function toPortalTimestamp(iso: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) throw new RangeError(`not an ISO instant: ${iso}`);
  return new Date(epoch + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '');
}

/** Built once: a zod schema built per call costs more than the parse itself (issue 17's profile). */
const dossierDocumentsSchema = z.array(dossierDocumentSchema);

/** What the mapper needs: the data of any internal dossier event, the identifier to mask, the document flags. */
export type PortalDossierSource = {
  /** Data of an internal dossier event (any `motcua.dossier.*`); fields beyond DossierFacts are ignored. */
  dossier: DossierFacts;
  /** The applicant's identifier from the dossiers service's own store; only its masked form leaves. */
  applicantIdentifier: string;
  documents: readonly { code: string; digitized: boolean; reused: boolean }[];
};

/**
 * The only way to build a portal status: picks the portal's fields from validated internal data,
 * masks the identifier, converts timestamps and validates the result strictly. Throws (ZodError or
 * RangeError) rather than publish anything doubtful.
 */
export function toPortalDossierStatus(source: PortalDossierSource): PortalDossierStatus {
  const dossier = dossierFactsSchema.parse(source.dossier);
  const documents = dossierDocumentsSchema.parse(source.documents);
  const optionalTime = (iso: string | undefined) =>
    iso === undefined ? undefined : toPortalTimestamp(iso);
  const status = {
    dossierCode: dossier.dossierCode,
    procedureCode: dossier.procedureCode,
    domainCode: dossier.domainCode,
    agencyCode: dossier.agencyCode,
    portalStatus: dossier.portalStatus,
    channel: PORTAL_CHANNEL_CODE[dossier.channel],
    applicantType: PORTAL_APPLICANT_TYPE_CODE[dossier.applicantType],
    applicantIdentifier: maskPersonalId(source.applicantIdentifier),
    updatedAt: toPortalTimestamp(dossier.occurredAt),
    receivedAt: optionalTime(dossier.receivedAt),
    dueAt: optionalTime(dossier.dueDate),
    returnedAt: optionalTime(dossier.returnedAt),
    supplementRequestedAt: optionalTime(dossier.supplementRequestedAt),
    documents: documents.map(({ code, digitized, reused }) => ({ code, digitized, reused })),
  };
  const defined = Object.fromEntries(
    Object.entries(status).filter(([, value]) => value !== undefined),
  );
  return asChecked(portalDossierStatusSchema, portalDossierStatusSchema.parse(defined));
}

export const portalDossierStatus = defineEvent({
  name: 'motcua.portal.dossier-status',
  version: 1,
  topic: 'portal.dossier-status.v1',
  keyField: 'dossierCode',
  source: '/motcua/dossiers',
  summary:
    'Public, personal-data-minimised status of a dossier for the provincial / national portal: codes, portal status 1-10, channel and applicant type codes, masked identifier, yyyyMMddHHmmss timestamps, per-document digitized/reused flags. Published by the dossiers service whenever what the portal shows changes; each message is the whole current status (latest wins).',
  schema: portalDossierStatusSchema,
  example: toPortalDossierStatus({
    dossier: { ...exampleDossierFacts, portalStatus: 2, occurredAt: '2026-11-30T08:30:00+07:00' },
    applicantIdentifier: '0101234567',
    documents: [
      { code: 'BDKG', digitized: true, reused: false },
      { code: 'GPKD', digitized: false, reused: true },
    ],
  }),
});

export const PORTAL_EVENTS = [portalDossierStatus] as const;
