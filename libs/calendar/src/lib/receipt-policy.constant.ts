import { officeHours } from './office-hours';
import { type ReceiptPolicy, type UnitRule, type LimitUnit } from './receipt-policy.types';

const CIVIL_CODE =
  'Civil Code 2015 (Law 91/2015/QH13) Art. 147 (a period in hours starts at the set moment; one in days or months starts the day after the event) and Art. 148 (a period in months ends on the corresponding day of the last month, or its last day; a period ending on a weekend or holiday ends at the end of the next working day)';

const OFFICE_HOURS_BASIS =
  'Hours used by deployed provincial systems; each province fixes its own (no legal text), so a deployment may inject its policy';

const COUNTING_BASIS = `${CIVIL_CODE}; receipt after office hours or on a non-working day counts from the next working day (project policy)`;

/** The receipt-time rule of each unit (the same wording under both decrees; only the basis differs). */
function unitRules(decree: string): Record<LimitUnit, UnitRule> {
  const units = `units as published in procedures and the national portal (DonViTinh: Giờ / Ngày / Ngày làm việc / Tháng; "trong ngày")`;
  return {
    working_days: {
      rule: 'received on a working day before the end of the receipt day (17:00) → that day counts as the day of receipt, else the next working day; day 1 is the next working day; the limit ends at the close of office hours of the n-th working day',
      basis: `${decree}; ${CIVIL_CODE}`,
    },
    calendar_days: {
      rule: 'same receipt-day rule; the limit ends n calendar days after the day of receipt, moved to the next working day when that day is not a working day',
      basis: `${decree}; ${CIVIL_CODE}`,
    },
    working_hours: {
      rule: 'the clock starts at the receipt instant when it falls in office hours, else at the start of the next office period; it runs only in office hours; the limit ends when the n-th office hour ends',
      basis: `${decree}; Civil Code 2015 Art. 147(1) (a period in hours starts at the set moment); ${units}`,
    },
    months: {
      rule: 'same receipt-day rule; the limit ends on the corresponding day n months later (the last day of that month when it has no such day), moved to the next working day when not a working day',
      basis: `${decree}; ${CIVIL_CODE}; ${units}`,
    },
    same_day: {
      rule: '"trong ngày": received on a working day before 15:00 → returned the same day; at or after 15:00, or on a day off → the next working day',
      basis: `${decree}; the same-day rule as published in provincial procedures (Hà Nội, plan attached to QĐ 1811/QĐ-TTPVHCC, procedure 2.000635: after 15:00, the next working day); ${units}`,
    },
  };
}

/**
 * Receipt, transfer and counting rules for dossiers received to 30/6/2025: Decree 61/2018/NĐ-CP
 * (amended by Decree 107/2021/NĐ-CP) and Circular 01/2018/TT-VPCP.
 */
export const ND61_2018_POLICY: ReceiptPolicy = {
  id: 'nd61-2018',
  legalBasis:
    'Decree 61/2018/NĐ-CP on the one-stop shop (effective 2018-06-21, amended by Decree 107/2021/NĐ-CP), replaced by Decree 118/2025/NĐ-CP from 2025-07-01; Civil Code 2015 Art. 147-148 for counting',
  effectiveFrom: '2018-06-21',
  effectiveTo: '2025-06-30',
  officeHours: [...officeHours],
  officeHoursBasis: OFFICE_HOURS_BASIS,
  transferCutoff: '15:00',
  transferBasis:
    'Decree 61/2018/NĐ-CP: paper dossiers are transferred the same working day, or at the start of the next working day when received after 15:00; electronic ones at once',
  receiptDayEndsAt: '17:00',
  counting: 'from-next-working-day',
  calendarDayLimitEnd: 'next-working-day',
  countingBasis: COUNTING_BASIS,
  sameDayCutoff: '15:00',
  unitRules: unitRules('Decree 61/2018/NĐ-CP'),
};

/**
 * Dossiers received from 1/7/2025: Decree 118/2025/NĐ-CP of 9/6/2025 on the one-stop shop
 * (amended by Decree 367/2025/NĐ-CP), guided by Circular 03/2025/TT-VPCP. The values are those
 * of the Decree 61 policy: the 15:00 transfer cut-off is not verified in Decree 118's text and
 * office hours are provincial (docs/legal-rules.md lists both as open questions).
 */
export const ND118_2025_POLICY: ReceiptPolicy = {
  ...ND61_2018_POLICY,
  id: 'nd118-2025',
  legalBasis:
    'Decree 118/2025/NĐ-CP of 2025-06-09 on the one-stop shop (effective 2025-07-01; amended by Decree 367/2025/NĐ-CP), Circular 03/2025/TT-VPCP; Civil Code 2015 Art. 147-148 for counting',
  effectiveFrom: '2025-07-01',
  effectiveTo: undefined,
  transferBasis:
    'Paper dossiers received after 15:00 are transferred the next working day, as current provincial procedures publish it; not verified in the text of Decree 118/2025/NĐ-CP (unverified; same value as under Decree 61/2018)',
  unitRules: unitRules('Decree 118/2025/NĐ-CP'),
};

/** Every receipt policy, oldest first; the one whose period holds the local date of receipt applies. */
export const RECEIPT_POLICIES: readonly ReceiptPolicy[] = [ND61_2018_POLICY, ND118_2025_POLICY];
