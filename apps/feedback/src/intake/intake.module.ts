import { Module } from '@nestjs/common';
import { DeskIntakeController } from './desk-intake.controller';
import { FeedbackIntakeService } from './feedback-intake.service';
import { PublicIntakeController } from './public-intake.controller';

@Module({
  controllers: [PublicIntakeController, DeskIntakeController],
  providers: [FeedbackIntakeService],
})
export class IntakeModule {}
