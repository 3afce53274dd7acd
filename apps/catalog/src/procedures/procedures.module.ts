import { Module } from '@nestjs/common';
import { ProcedureQueryService } from './procedure-query.service';
import { ProceduresController } from './procedures.controller';

/** One procedure and its versions (GET /procedures/:code). */
@Module({
  controllers: [ProceduresController],
  providers: [ProcedureQueryService],
})
export class ProceduresModule {}
