/**
 * Whose electronic ID leads the dossier code (mã số hồ sơ), as versioned policy selected by the
 * local date of receipt. Decree 118/2025 Art. 7(3) lets a dossier be received regardless of
 * administrative boundary, so the receiving unit may differ from the resolving agency.
 * - Circular 03/2025/TT-VPCP Art. 13(3)(a) (added by Circular 04/2025/TT-VPCP Art. 23(2), from
 *   25/01/2026) names the resolving agency for centrally provided services; the default extends
 *   it to provincial dossiers (Art. 13(1)-(2) unverified; Thanh Hóa's system uses the receiving
 *   unit instead: a province may choose `receiving`). docs/legal-rules.md, open question 7.
 */
export type LeadingAgency = 'resolving' | 'receiving';

export type DossierCodePolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo?: string;
  leadingAgency: LeadingAgency;
  /** Minimum digits of the daily sequence (it grows past them: 9,999 → 10000). */
  minSequenceDigits: number;
};

export const DOSSIER_CODE_POLICIES: readonly DossierCodePolicy[] = [
  {
    id: 'tt01-2018-code',
    legalBasis:
      'Circular 01/2018/TT-VPCP (article unverified): <agency>-<YYMMDD>-<4-digit sequence>; the agency of the procedure',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    leadingAgency: 'resolving',
    minSequenceDigits: 4,
  },
  {
    id: 'tt03-2025-code',
    legalBasis:
      'Circular 03/2025/TT-VPCP Art. 13 (Art. 13(3) added by Circular 04/2025/TT-VPCP Art. 23(2)): electronic ID of the resolving agency, date of receipt, daily sequence of at least 4 digits; resolving agency leading provincial dossiers is project policy (unverified)',
    effectiveFrom: '2025-07-01',
    leadingAgency: 'resolving',
    minSequenceDigits: 4,
  },
];

export function dossierCodePolicyOn(
  localDate: string,
  policies = DOSSIER_CODE_POLICIES,
): DossierCodePolicy {
  const policy = [...policies]
    .reverse()
    .find((p) => p.effectiveFrom <= localDate && (!p.effectiveTo || localDate <= p.effectiveTo));
  if (!policy) throw new Error(`no dossier-code policy in force on ${localDate}`);
  return policy;
}

/** The agency whose electronic ID leads the code; the resolving agency when the receiving one is unknown. */
export function leadingAgencyCode(
  policy: DossierCodePolicy,
  agencies: { resolving: string; receiving?: string },
): string {
  return policy.leadingAgency === 'receiving' && agencies.receiving
    ? agencies.receiving
    : agencies.resolving;
}
