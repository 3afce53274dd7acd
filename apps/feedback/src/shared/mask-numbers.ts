/**
 * Phone and CCCD numbers: a 0 (or +84 / 84) followed by at least 8 more digits, possibly split by
 * spaces, dots or dashes. Amounts (never starting with 0) and short numbers are left alone.
 */
const LONG_NUMBER = /(?<![\d.,/-])(?:\+?84|0)(?:[ .-]?\d){8,}/g;

/**
 * What a published text may show (docs/domain.md §7: public channels never carry a full personal
 * number): long digit runs are replaced by asterisks. Applied to published content and to the
 * search column, so a number cannot be found by searching either.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (run) => run.replace(/\d/g, '*'));
}
