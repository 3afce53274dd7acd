import { Injectable } from '@nestjs/common';
import { formatDossierCode } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import type { SqlTransaction } from '@motcua/messaging';
import { DossierCodeCounterRepository } from './dossier-code-counter.repository';
import { dossierCodePolicyOn, leadingAgencyCode } from './dossier-code.policy';

/**
 * Mã hồ sơ (Circular 03/2025 Art. 13; Circular 01/2018 to 30/6/2025): `<agency>-<YYMMDD of
 * receipt, Asia/Ho_Chi_Minh>-<daily sequence, at least 4 digits, growing past 9,999>`; whose
 * agency ID leads is the policy in force on the date of receipt (dossier-code.policy.ts).
 * The daily sequence is a counter row per (agency, day) (DossierCodeCounterRepository). A group of
 * intakes takes its numbers in one short statement just before its own (autocommit), so concurrent
 * intakes do not wait on each other's transactions; an intake that fails after taking its number
 * leaves a gap (codes stay unique, not always contiguous).
 */
@Injectable()
export class DossierCodeService {
  constructor(private readonly counters: DossierCodeCounterRepository) {}

  /** The codes of a group of intakes, one per entry and in its order. */
  async next(
    db: SqlTransaction,
    intakes: readonly { agencies: { resolving: string; receiving?: string }; receivedAt: Date }[],
  ): Promise<string[]> {
    const days = intakes.map(({ agencies, receivedAt }) => {
      const day = toLocalDate(receivedAt);
      return { agencyCode: leadingAgencyCode(dossierCodePolicyOn(day), agencies), day };
    });
    const sequences = await this.counters.next(db, days);
    return days.map(({ agencyCode, day }, i) =>
      formatDossierCode({ agencyCode, receivedOn: day, sequence: sequences[i] }),
    );
  }
}
