/**
 * Folds Vietnamese text for search: lowercase, no diacritics, đ → d, single spaces.
 * "Đăng ký giá" and "dang ky gia" fold to the same string. Computed in TypeScript
 * and stored (procedure.search_text), so Postgres needs no `unaccent` extension.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The words of a query, folded; each must appear in the stored search text. */
export function searchTerms(query: string | undefined): string[] {
  return query ? foldVietnamese(query).split(' ').filter(Boolean) : [];
}

/** What a procedure is found by: code, name, domain, deciding agency. */
export function searchTextOf(parts: { code: string; name: string; domainName: string; decidingAgency: string }): string {
  return foldVietnamese([parts.code, parts.name, parts.domainName, parts.decidingAgency].join(' '));
}
