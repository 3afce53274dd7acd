/** Plan target: at least half of the still-valid results digitized (DOMAIN §5). */
export const VALID_RESULTS_TARGET = 0.5;

export type ReceivedDossier = {
  /** Slots listed by the latest dossier event, with its digitized/reused flags. */
  slots: { code: string; digitized: boolean; reused: boolean }[];
  /** Slot codes this service digitized or recorded as reused for the dossier. */
  digitizedCodes: string[];
  reusedCodes: string[];
};

export type ProcessedDossier = {
  /** This service's record of the result, when one was recorded. */
  result?: { digitized: boolean; valid: boolean };
};

export type Ratio = { numerator: number; denominator: number; rate: number | null };

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});

/**
 * The three digitization rates of an agency over a period.
 * - received with digitized components: received dossiers with at least one slot digitized
 *   (flag on the dossier event or a record here) / received dossiers;
 * - valid results digitized: processed dossiers whose result is recorded here with a file and
 *   still valid / processed dossiers whose result is not known to be revoked or expired;
 * - documents reused: slots replaced by reuse (flag or record) / slots of received dossiers.
 */
export function computeRates(received: ReceivedDossier[], processed: ProcessedDossier[]) {
  let withDigitized = 0;
  let slots = 0;
  let reusedSlots = 0;
  for (const dossier of received) {
    const digitized = new Set(dossier.digitizedCodes);
    const reused = new Set(dossier.reusedCodes);
    const codes = new Set([...dossier.slots.map((slot) => slot.code), ...digitized, ...reused]);
    if (dossier.slots.some((slot) => slot.digitized) || digitized.size > 0) withDigitized += 1;
    slots += codes.size;
    for (const code of codes) {
      const slot = dossier.slots.find((candidate) => candidate.code === code);
      if (slot?.reused || reused.has(code)) reusedSlots += 1;
    }
  }
  const stillValid = processed.filter((dossier) => dossier.result?.valid !== false);
  const digitizedValid = stillValid.filter((dossier) => dossier.result?.digitized === true).length;
  const validResults = ratio(digitizedValid, stillValid.length);
  return {
    receivedWithDigitizedComponents: ratio(withDigitized, received.length),
    validResultsDigitized: {
      ...validResults,
      target: VALID_RESULTS_TARGET,
      meetsTarget: validResults.rate === null ? null : validResults.rate >= VALID_RESULTS_TARGET,
    },
    documentsReused: ratio(reusedSlots, slots),
  };
}
