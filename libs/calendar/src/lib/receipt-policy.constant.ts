import { type ReceiptPolicy } from './receipt-policy.types';

/**
 * Receipt, transfer and counting rules of the Decree 61/2018 baseline (DOMAIN.md §2-3).
 *
 * Decree 61/2018/NĐ-CP was replaced by Decree 118/2025/NĐ-CP (as amended by 367/2025,
 * DOMAIN.md). The rules of the new decree have not been checked here, so no policy entry
 * exists for it yet and this one keeps applying to later receipts: add an entry with the new
 * decree's rules and effective date (policies are selected by the date of receipt, so
 * dossiers received before it keep their computation).
 */
export const ND61_2018_POLICY: ReceiptPolicy = {
  id: 'nd61-2018',
  legalBasis:
    'Decree 61/2018/NĐ-CP on the one-stop shop (effective 2018-06-21); Civil Code 2015 Art. 147-148 for counting',
  effectiveFrom: '2018-06-21',
  officeHours: [
    { from: '07:00', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  officeHoursBasis:
    'Hours used by deployed provincial systems (DOMAIN.md §3); each province fixes its own, so a deployment may inject its policy',
  transferCutoff: '15:00',
  transferBasis:
    'Decree 61/2018/NĐ-CP: paper dossiers are transferred the same working day, or at the start of the next working day when received after 15:00; electronic ones at once (DOMAIN.md §2)',
  receiptDayEndsAt: '17:00',
  counting: 'from-next-working-day',
  calendarDayLimitEnd: 'next-working-day',
  countingBasis:
    'Civil Code 2015 Art. 147 (the day of the event is not counted: day 1 is the next day) and Art. 148 (a period ending on a weekend or holiday ends on the next working day); receipt after office hours or on a non-working day counts from the next working day (project policy, DOMAIN.md §2)',
};

/** Every receipt policy, oldest first; the latest whose effectiveFrom ≤ receipt date applies. */
export const RECEIPT_POLICIES: readonly ReceiptPolicy[] = [ND61_2018_POLICY];
