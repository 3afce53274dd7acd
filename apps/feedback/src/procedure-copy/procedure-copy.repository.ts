import { Injectable } from '@nestjs/common';
import type { FeedbackTx } from '../feedback.database';

/** Queries on the local copy of the catalog. */
@Injectable()
export class ProcedureCopyRepository {
  find(tx: Pick<FeedbackTx, 'procedureCopy'>, code: string) {
    return tx.procedureCopy.findUnique({ where: { code } });
  }
}
