import { Module } from '@nestjs/common';
import { ProcedureCopyModule } from '../procedure-copy/procedure-copy.module';
import { DeskIntakeController } from './desk-intake.controller';
import { FeedbackIntakeService } from './feedback-intake.service';
import { PublicIntakeController } from './public-intake.controller';

@Module({
  imports: [ProcedureCopyModule],
  controllers: [PublicIntakeController, DeskIntakeController],
  providers: [FeedbackIntakeService],
})
export class IntakeModule {}
