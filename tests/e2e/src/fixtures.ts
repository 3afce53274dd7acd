/** A random national procedure code (1.xxxxxx) so that runs never collide. */
export function randomProcedureCode(): string {
  return `1.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
}
