import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { isoDate, procedureCode } from '@motcua/contracts';
import { zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { ProcedureQueryService } from './procedure-query.service';
import { procedureResponse, versionsResponse } from './procedures.responses';

const atQuery = z.object({ at: isoDate.optional() });

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProcedureQueryService) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'The version of a procedure in force today, or on the date `at` (YYYY-MM-DD)',
  })
  @ApiZodResponse(200, procedureResponse, 'What was asked for')
  procedure(
    @Param('code', zodParam(procedureCode)) code: string,
    @Query(zodQuery(atQuery)) query: z.infer<typeof atQuery>,
  ) {
    return query.at ? this.procedures.inForceOn(code, query.at) : this.procedures.inForce(code);
  }

  @Get(':code/versions')
  @Public()
  @ApiOperation({ summary: 'History of a procedure: every version with its publication decision' })
  @ApiZodResponse(200, versionsResponse, 'What was asked for')
  versions(@Param('code', zodParam(procedureCode)) code: string) {
    return this.procedures.history(code);
  }
}
