import { foldVietnamese } from '@motcua/vietnamese';

/** What a procedure is found by: code, name, domain, deciding agency. */
export function searchTextOf(parts: {
  code: string;
  name: string;
  domainName: string;
  decidingAgency: string;
}): string {
  return foldVietnamese([parts.code, parts.name, parts.domainName, parts.decidingAgency].join(' '));
}
