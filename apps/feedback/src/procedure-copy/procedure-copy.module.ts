import { Module } from '@nestjs/common';
import { ProcedureCopyHandlers } from './procedure-copy.handlers';
import { ProcedureCopyRepository } from './procedure-copy.repository';
import { ProcedureFeedbackController } from './procedure-feedback.controller';
import { ProcedureFeedbackService } from './procedure-feedback.service';

/** The feedback service's copy of the catalog, and the feedback about one procedure. */
@Module({
  controllers: [ProcedureFeedbackController, ProcedureCopyHandlers], // the handlers: @EventPattern
  providers: [ProcedureCopyRepository, ProcedureFeedbackService],
  exports: [ProcedureCopyRepository],
})
export class ProcedureCopyModule {}
