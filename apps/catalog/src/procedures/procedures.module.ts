import { Module } from '@nestjs/common';
import { ProcedureQueryService } from './procedure-query.service';
import { ProcedureRepository } from './procedure.repository';
import { ProceduresController } from './procedures.controller';

/** One procedure and its versions (GET /procedures/:code). */
@Module({
  controllers: [ProceduresController],
  providers: [ProcedureQueryService, ProcedureRepository],
})
export class ProceduresModule {}
