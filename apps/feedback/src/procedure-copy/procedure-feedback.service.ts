import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { FeedbackDatabase } from '../feedback.database';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { officerView } from '../feedback/feedback.view';
import { FeedbackScope } from '../scope/feedback-scope';

/** Feedback about one procedure, for its review (rà soát, đánh giá TTHC): a page and the counts per status, in the caller's scope. */
@Injectable()
export class ProcedureFeedbackService {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly db: FeedbackDatabase,
    private readonly scope: FeedbackScope,
  ) {}

  async list(code: string, page: { limit: number; offset: number }, principal: Principal) {
    const agencies = await this.scope.listable(principal);
    const [items, total] = await this.feedback.list(this.db, {
      procedureCode: code,
      ...page,
      agencies,
    });
    return {
      procedureCode: code,
      total,
      byStatus: await this.feedback.countByStatus(this.db, code, agencies),
      items: items.map((f) => officerView(f)),
    };
  }
}
