import { Module } from '@nestjs/common';
import { FeedbackCalendarChangeController } from './feedback-calendar-change.controller';
import { FeedbackCalendarChangeService } from './feedback-calendar-change.service';
import { FeedbackRederivationRepository } from './feedback-rederivation.repository';

@Module({
  controllers: [FeedbackCalendarChangeController],
  providers: [FeedbackCalendarChangeService, FeedbackRederivationRepository],
})
export class FeedbackCalendarChangeModule {}
