/**
 * Folds Vietnamese text for search and duplicate detection: NFD, combining marks removed,
 * đ → d, lowercase, punctuation to single spaces. "Phản ánh về lệ phí" and "phan anh ve le phi"
 * fold to the same string. Stored in a column, so Postgres needs no `unaccent` extension.
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

/** The folded words of a query; each must appear in the stored search text. */
export function searchTerms(query: string | undefined): string[] {
  return query ? foldVietnamese(query).split(' ').filter(Boolean).slice(0, 10) : [];
}

