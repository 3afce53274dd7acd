import { type LegalSource, type SwapTable } from './day-swaps.types';

const CHECKED =
  'Document number and dates checked against press reports of the document, not the official text: confirm against the official publication.';

const MOLISA_5015: LegalSource = {
  document: 'Thông báo 5015/TB-LĐTBXH',
  issuedBy: 'Bộ Lao động - Thương binh và Xã hội (Ministry of Labour, Invalids and Social Affairs)',
  issuedOn: '2023-11-22',
  note: CHECKED,
};

const GOV_OFFICE_2450: LegalSource = {
  document: 'Công văn 2450/VPCP-KGVX',
  issuedBy: 'Văn phòng Chính phủ (Government Office), conveying the Prime Minister’s approval',
  issuedOn: '2024-04-12',
  note: CHECKED,
};

const MOLISA_6150: LegalSource = {
  document: 'Thông báo 6150/TB-LĐTBXH, following Công văn 8726/VPCP-KGVX of 2024-11-26',
  issuedBy: 'Bộ Lao động - Thương binh và Xã hội, after the Prime Minister’s approval',
  note: `${CHECKED} The day of issue of 6150/TB-LĐTBXH (late 2024) was not confirmed.`,
};

const GOV_OFFICE_12729: LegalSource = {
  document: 'Công văn 12729/VPCP-KGVX',
  issuedBy:
    'Văn phòng Chính phủ (Government Office), conveying the Deputy Prime Minister’s approval of the Ministry of Home Affairs’ proposal',
  issuedOn: '2025-12-25',
  note: CHECKED,
};

/**
 * Government decisions per year (DOMAIN.md §3: "keep a per-year table of extra days off and
 * make-up working days"). Only entries whose source could be identified are listed; a year or
 * an occasion without an entry uses the Labour Code defaults (holiday-rules.constant.ts).
 *
 * Known gaps (to be filled by the province's IT team from the official announcement, then a
 * new calendar version is produced automatically):
 * - 2026 Tết: reported as 14-22/2/2026 (5 Tết days 16-20/2, Mon-Fri); the default rule gives
 *   exactly these days, but the document number was not confirmed, so no entry is recorded.
 * - 2026 National Day adjacent day and any 2026 swap other than 2/1 ↔ 10/1: not known.
 * - Years before 2024 are not listed: their defaults may differ from what was decided
 *   (e.g. Tết 2023 was decided as 20-24/1, not the default 21-25/1).
 */
export const DEFAULT_SWAP_TABLE: SwapTable = {
  id: 'vn-gov-decisions',
  description:
    'Days of Tết and of the National Day adjacent day as decided by the Prime Minister, and day swaps, for cán bộ, công chức, viên chức (state bodies with a Saturday-Sunday week).',
  years: [
    {
      year: 2024,
      // Tết 8-14/2/2024: 5 Tết days (29 Chạp - mùng 3) + 2 compensatory days (13-14/2).
      tetDays: {
        dates: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
        source: MOLISA_5015,
      },
      // National Day 31/8-3/9/2024.
      nationalDayAdjacent: { date: '2024-09-03', source: MOLISA_5015 },
      // 27/4-1/5/2024: Monday 29/4 off, worked back on Saturday 4/5.
      swaps: [{ dayOff: '2024-04-29', makeUpDay: '2024-05-04', source: GOV_OFFICE_2450 }],
    },
    {
      year: 2025,
      // Tết 25/1-2/2/2025: 5 Tết days 27-31/1 (28 Chạp - mùng 3) + 4 weekend days.
      tetDays: {
        dates: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
        source: MOLISA_6150,
      },
      // National Day 30/8-2/9/2025.
      nationalDayAdjacent: { date: '2025-09-01', source: MOLISA_6150 },
      // 30/4-4/5/2025: Friday 2/5 off, worked back on Saturday 26/4.
      swaps: [{ dayOff: '2025-05-02', makeUpDay: '2025-04-26', source: MOLISA_6150 }],
    },
    {
      year: 2026,
      // New Year 1-4/1/2026: Friday 2/1 off, worked back on Saturday 10/1.
      swaps: [{ dayOff: '2026-01-02', makeUpDay: '2026-01-10', source: GOV_OFFICE_12729 }],
    },
  ],
};
