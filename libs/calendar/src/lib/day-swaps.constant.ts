import { YEAR_NOTICE_FILES } from '../data/year-notices';
import { type SwapTable } from './day-swaps.types';
import { yearDecisionFromNotice } from './year-notice.loader';

/**
 * Government decisions per year (Labour Code 2019 Art. 112(3): the Prime Minister fixes the Tết
 * days and the day next to 2 September; each year's notice to civil servants may also swap a
 * weekday off for a Saturday worked). The data lives in `src/data/year-notices/<year>.json`,
 * one file per year, each notice recorded with its number, date of issue, issuer, where it was
 * read and its confidence, and each day naming its notice. A year or an occasion without an
 * entry uses the Labour Code defaults (holiday-rules.constant.ts).
 *
 * Known gaps (docs/legal-rules.md, open questions):
 * - 2026: Mon 23/11 off ↔ Sat 28/11 worked was only a proposal; not recorded until decided.
 * - 2027: no notice known (Tết, 2/9 adjacent day use the defaults).
 * - Years before 2024 are not listed: their defaults may differ from what was decided
 *   (e.g. Tết 2023 was decided as 20/1 + 23-26/1; the default gives 21-25/1).
 */
export const DEFAULT_SWAP_TABLE: SwapTable = {
  id: 'vn-gov-decisions',
  description:
    'Days of Tết and of the National Day adjacent day as decided by the Prime Minister, and day swaps, for cán bộ, công chức, viên chức (state bodies with a Saturday-Sunday week).',
  years: YEAR_NOTICE_FILES.map((file, i) =>
    yearDecisionFromNotice(file, `YEAR_NOTICE_FILES[${i}]`),
  ),
};
