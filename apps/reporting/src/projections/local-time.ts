/** The agency code at the head of a dossier code (`000.00.15.H26-261129-0001` → `000.00.15.H26`). */
export function agencyOfDossierCode(dossierCode: string): string {
  return dossierCode.slice(0, dossierCode.indexOf('-'));
}

/** Hours between two instants (never negative). */
export function hoursBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 3600000);
}
