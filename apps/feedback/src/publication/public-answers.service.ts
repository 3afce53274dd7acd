import { Injectable } from '@nestjs/common';
import { FeedbackDatabase } from '../feedback.database';
import { publicAnswerView } from '../feedback/feedback.view';
import { notFound } from '../shared/feedback-problems';
import { PublicAnswersRepository, type AnswerQuery } from './public-answers.repository';

/** The published answers anyone may read (công khai kết quả trả lời). */
@Injectable()
export class PublicAnswersService {
  constructor(
    private readonly answers: PublicAnswersRepository,
    private readonly db: FeedbackDatabase,
  ) {}

  async search(query: AnswerQuery) {
    const [items, total] = await this.answers.search(this.db, query);
    return { total, limit: query.limit, offset: query.offset, items: items.map(publicAnswerView) };
  }

  async answer(code: string) {
    const found = await this.answers.findPublished(this.db, code);
    if (!found) throw notFound(`No published answer ${code}.`);
    return publicAnswerView(found);
  }
}
