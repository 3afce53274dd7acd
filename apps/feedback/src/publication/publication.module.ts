import { Module } from '@nestjs/common';
import { PublicAnswersRepository } from './public-answers.repository';
import { PublicAnswersService } from './public-answers.service';
import { PublicFeedbackController } from './public-feedback.controller';
import { RatingService } from './rating.service';

@Module({
  controllers: [PublicFeedbackController],
  providers: [PublicAnswersRepository, PublicAnswersService, RatingService],
})
export class PublicationModule {}
