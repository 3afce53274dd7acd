import { defineEventFamily } from '../define-event';

/** Every contract on `dossiers.dossier.v1`: key = dossierId, produced by the dossiers service. */
export const dossierEvent = defineEventFamily({
  topic: 'dossiers.dossier.v1',
  keyField: 'dossierId',
  source: '/motcua/dossiers',
});

/** A citizen's name is personal data: only organisations travel with a display name. */
export function noCitizenName(data: { applicantType: string; organisationName?: string }): boolean {
  return data.applicantType !== 'citizen' || data.organisationName === undefined;
}
export const noCitizenNameIssue = {
  message: 'organisationName is only for organisation applicants, never for a citizen',
  path: ['organisationName'],
};
