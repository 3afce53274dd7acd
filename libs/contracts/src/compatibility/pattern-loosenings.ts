/**
 * Pattern changes reviewed as loosenings. The guard cannot tell in general whether a new regular
 * expression accepts everything the old one did, so every pattern change is breaking unless it
 * is listed here with its reason; `pattern-loosenings.spec.ts` then checks, on samples of what
 * the old pattern accepts and on generated values, that the new one still accepts them.
 */
export type PatternLoosening = {
  /** The published pattern (JSON Schema `pattern`, i.e. the RegExp source). */
  before: string;
  /** The pattern that replaces it. */
  after: string;
  reason: string;
};

/** Dossier code before Circular 03/2025 Art. 13(3): exactly 4 digits, not 0000. */
export const DOSSIER_CODE_PATTERN_V1 = String.raw`^(?=[^-]*[A-Z])[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-(?!0000)\d{4}$`;
/** Dossier code from Circular 03/2025 Art. 13(3) (Circular 04/2025 Art. 23(2)): 4-9 digits, not all zeros. */
export const DOSSIER_CODE_PATTERN_V2 = String.raw`^(?=[^-]*[A-Z])[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-(?!0+$)\d{4,9}$`;

export const PATTERN_LOOSENINGS: readonly PatternLoosening[] = [
  {
    before: DOSSIER_CODE_PATTERN_V1,
    after: DOSSIER_CODE_PATTERN_V2,
    reason:
      'Circular 03/2025/TT-VPCP Art. 13(3)(d): the daily sequence has at least 4 digits and grows with the dossiers of the day; the AA-prefixed codes of centrally provided services (6+ digits) arrive through events and the portal. Every 4-digit code stays valid.',
  },
];

/** True when `before` → `after` is a reviewed loosening. */
export function isReviewedLoosening(before: unknown, after: unknown): boolean {
  return PATTERN_LOOSENINGS.some((l) => l.before === before && l.after === after);
}
