/** A Postgres DATE read by Prisma (midnight UTC) back to YYYY-MM-DD. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
