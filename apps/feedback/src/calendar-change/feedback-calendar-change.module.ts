import { Module } from '@nestjs/common';
import { FeedbackCalendarChangeController } from './feedback-calendar-change.controller';
import { FeedbackCalendarChangeService } from './feedback-calendar-change.service';

@Module({
  controllers: [FeedbackCalendarChangeController],
  providers: [FeedbackCalendarChangeService],
})
export class FeedbackCalendarChangeModule {}
