import { Injectable } from '@nestjs/common';
import type { FeedbackTx } from '../feedback.database';
import { FeedbackRepository } from './feedback.repository';

/** PAKN-<year>-<6-digit yearly sequence>, e.g. PAKN-2026-000123. */
@Injectable()
export class FeedbackCodeService {
  constructor(private readonly feedback: FeedbackRepository) {}

  async next(tx: FeedbackTx, year: number): Promise<string> {
    const sequence = await this.feedback.nextCodeSequence(tx, year);
    return `PAKN-${year}-${String(sequence).padStart(6, '0')}`;
  }
}
