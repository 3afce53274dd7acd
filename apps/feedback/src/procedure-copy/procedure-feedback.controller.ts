import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { procedureCode } from '@motcua/contracts';
import { zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { ProcedureFeedbackService } from './procedure-feedback.service';
import { listResponse } from './procedure-feedback.responses';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Feedback about one procedure, for its review (rà soát, đánh giá TTHC). */
@ApiTags('feedback')
@Controller('procedures')
export class ProcedureFeedbackController {
  constructor(private readonly procedureFeedback: ProcedureFeedbackService) {}

  @Get(':code/feedback')
  @Roles('desk_officer', 'specialist', 'leader', 'admin')
  @AccessLogged('feedback', { items: 'items' })
  @ApiOperation({
    summary: 'Feedback about a procedure (every status), newest first, with counts per status',
  })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(
    @Param('code', zodParam(procedureCode)) code: string,
    @Query(zodQuery(pageQuery)) page: z.infer<typeof pageQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.procedureFeedback.list(code, page, principal);
  }
}
