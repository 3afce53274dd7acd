/** Vietnam keeps UTC+7 all year (no daylight saving). */
const OFFSET_MS = 7 * 3600 * 1000;

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant, YYYY-MM-DD. */
export function localDateOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The agency code at the head of a dossier code (`000.00.15.H26-261129-0001` → `000.00.15.H26`). */
export function agencyOfDossierCode(dossierCode: string): string {
  return dossierCode.slice(0, dossierCode.indexOf('-'));
}

/** Hours between two instants (never negative). */
export function hoursBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 3600000);
}
