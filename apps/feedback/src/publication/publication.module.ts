import { Module } from '@nestjs/common';
import { PublicAnswersRepository } from './public-answers.repository';
import { PublicFeedbackController } from './public-feedback.controller';
import { RatingService } from './rating.service';

@Module({
  controllers: [PublicFeedbackController],
  providers: [PublicAnswersRepository, RatingService],
})
export class PublicationModule {}
