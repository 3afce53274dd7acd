import { z } from 'zod';
import { actorSchema, isoDateTime, label } from './common.schemas';
import { dossierEvent } from './dossier-event';
import { dossierFactsSchema, exampleDossierFacts as facts } from './dossier.schemas';

/**
 * What the applicant says about the handling of a dossier, and the bodies the applicant had to
 * contact (topic `dossiers.dossier.v1`, key = dossierId). Inputs of the per-dossier evaluation of
 * dossiers received to 30/6/2025 (Decree 61/2018, Circular 01/2018: indices 4, 6 and 7) and of the
 * Decision 766 dossier-satisfaction criterion ("dislike"). See docs/reporting.md.
 */

/** Mức độ hài lòng: a survey beside the nine indices, not one of them. `dissatisfied` is a dislike. */
export const dossierSatisfaction = z.enum(['very_satisfied', 'satisfied', 'dissatisfied']);

/** Index 4 as the applicant answers it: contacted no body / only the one-stop desk / more than one. */
export const agenciesContactedAnswer = z.enum(['none', 'one_stop_desk_only', 'several']);

/** Index 6 as the applicant answers it: published by posting and electronically / by one of them / not. */
export const publicationAnswer = z.enum([
  'posted_and_electronic',
  'posted_or_electronic',
  'not_published',
]);

export const dossierEvaluated = dossierEvent({
  name: 'motcua.dossier.evaluated',
  version: 1,
  summary:
    'The applicant evaluated the handling of the dossier (online, or on the paper form entered by the desk officer): satisfaction (a dislike for Decision 766), whether an officer harassed or caused trouble (index 7 of the 2018 evaluation), and the answers for indices 4 and 6. At most one evaluation per dossier.',
  schema: dossierFactsSchema.extend({
    recordedBy: z.enum(['applicant', 'desk_officer']),
    /** The desk that entered a paper evaluation (absent when the applicant evaluated online). */
    recorder: actorSchema.optional(),
    evaluatedAt: isoDateTime,
    satisfaction: dossierSatisfaction,
    /** Thái độ của CBCCVC: `harassment` = the applicant reports harassment or trouble-making (nhũng nhiễu, gây phiền hà). */
    officerConduct: z.enum(['proper', 'harassment']),
    agenciesContacted: agenciesContactedAnswer.optional(),
    publication: publicationAnswer.optional(),
  }),
  example: {
    ...facts,
    portalStatus: 10,
    occurredAt: '2026-12-07T10:05:00+07:00',
    recordedBy: 'applicant',
    evaluatedAt: '2026-12-07T10:05:00+07:00',
    satisfaction: 'satisfied',
    officerConduct: 'proper',
    agenciesContacted: 'one_stop_desk_only',
    publication: 'posted_and_electronic',
  },
});

export const dossierContactRecorded = dossierEvent({
  name: 'motcua.dossier.contact-recorded',
  version: 1,
  summary:
    'The applicant had to contact a body to complete the dossier (index 4 of the 2018 evaluation): the one-stop desk or another agency, unit or organisation; `legallyRequired` marks bodies the law makes the applicant attend (site checks, appraisal councils), which do not count against the agency.',
  schema: dossierFactsSchema.extend({
    body: z.enum(['one_stop_desk', 'other_body']),
    bodyName: label,
    legallyRequired: z.boolean(),
    contactedAt: isoDateTime,
    recordedBy: actorSchema,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-02T15:00:00+07:00',
    body: 'other_body',
    bodyName: 'Ủy ban nhân dân phường Hạc Thành',
    legallyRequired: false,
    contactedAt: '2026-12-02T14:30:00+07:00',
    recordedBy: { unitCode: 'VP.MC' },
  },
});

export const DOSSIER_EVALUATION_EVENTS = [dossierEvaluated, dossierContactRecorded] as const;
