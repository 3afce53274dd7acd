/**
 * Folds Vietnamese text for search and duplicate detection: NFD, combining marks removed,
 * đ → d, lowercase, punctuation to single spaces. "Đăng ký giá" and "dang ky gia" fold to the
 * same string. Services store the folded text in a column, so PostgreSQL needs no `unaccent`.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The folded words of a query (at most `max`); each must appear in the stored search text. */
export function searchTerms(query: string | undefined, max = 10): string[] {
  return query ? foldVietnamese(query).split(' ').filter(Boolean).slice(0, max) : [];
}
