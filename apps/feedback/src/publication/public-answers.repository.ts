import { Injectable } from '@nestjs/common';
import type { FeedbackDatabase } from '../feedback.database';
import type { Prisma } from '../generated/prisma/client';
import { searchTerms } from '@motcua/vietnamese';

export type AnswerQuery = {
  q?: string;
  procedureCode?: string;
  domainCode?: string;
  limit: number;
  offset: number;
};

/** Published answers only (status published); search on the folded search_text column. */
@Injectable()
export class PublicAnswersRepository {
  search(db: Pick<FeedbackDatabase, 'feedback'>, query: AnswerQuery) {
    const where: Prisma.FeedbackWhereInput = {
      status: 'published',
      ...(query.procedureCode ? { procedureCode: query.procedureCode } : {}),
      ...(query.domainCode ? { domainCode: query.domainCode } : {}),
      AND: searchTerms(query.q).map((term) => ({ searchText: { contains: term } })),
    };
    return Promise.all([
      db.feedback.findMany({
        where,
        orderBy: { publishedAt: 'desc' },
        take: query.limit,
        skip: query.offset,
      }),
      db.feedback.count({ where }),
    ]);
  }

  findPublished(db: Pick<FeedbackDatabase, 'feedback'>, code: string) {
    return db.feedback.findFirst({ where: { code, status: 'published' } });
  }
}
