import { Module } from '@nestjs/common';
import { FeedbackHandlingController } from './feedback-handling.controller';
import { FeedbackHandlingService } from './feedback-handling.service';
import { FeedbackTransitions } from './feedback.transitions';

@Module({
  controllers: [FeedbackHandlingController],
  providers: [FeedbackHandlingService, FeedbackTransitions],
})
export class HandlingModule {}
