import { Injectable } from '@nestjs/common';
import type { FeedbackTx } from '../feedback.database';

/** PAKN-<year>-<6-digit yearly sequence>, e.g. PAKN-2026-000123; the counter row serialises concurrent intakes. */
@Injectable()
export class FeedbackCodeService {
  async next(tx: FeedbackTx, year: number): Promise<string> {
    const rows = await tx.$queryRawUnsafe<{ last: number }[]>(
      `INSERT INTO feedback_code_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = feedback_code_counter.last + 1 RETURNING last`,
      year,
    );
    return `PAKN-${year}-${String(rows[0].last).padStart(6, '0')}`;
  }
}
