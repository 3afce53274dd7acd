import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { procedureCode, uuid } from '@motcua/contracts';
import {
  ApiZodActions,
  validationProblem,
  violationsOf,
  zodParam,
  zodQuery,
  ApiZodResponse,
} from '@motcua/http';
import { FEEDBACK_ACTIONS, isFeedbackAction } from '../feedback/feedback-actions.table';
import { FEEDBACK_STATUSES } from '../feedback/feedback-status';
import { FeedbackHandlingService } from './feedback-handling.service';
import { ACTION_BODIES } from './handling.schemas';
import { describeFeedbackAction } from './handling.openapi';
import { listResponse, getResponse, performResponse } from './feedback-handling.responses';

const listQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  procedureCode: procedureCode.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Part of the title (case-insensitive). */
  title: z.string().trim().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

@ApiTags('feedback')
@Controller('feedback')
export class FeedbackHandlingController {
  constructor(private readonly handling: FeedbackHandlingService) {}

  @Get()
  @Roles('desk_officer', 'specialist', 'leader', 'admin')
  @AccessLogged('feedback', { items: 'items' })
  @ApiOperation({
    summary: 'Feedback items, newest first (filters: status, procedureCode, overdue, title)',
  })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(
    @Query(zodQuery(listQuery)) query: z.infer<typeof listQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.handling.list(query, principal);
  }

  @Get(':id')
  @Roles('desk_officer', 'specialist', 'leader', 'admin')
  @AccessLogged('feedback', { param: 'id' })
  @ApiOperation({ summary: 'One item with its history and the actions the caller may perform now' })
  @ApiZodResponse(200, getResponse, 'What was asked for')
  get(@Param('id', zodParam(uuid)) id: string, @CurrentPrincipal() principal: Principal) {
    return this.handling.view(id, principal);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiZodActions('action', ACTION_BODIES, describeFeedbackAction)
  @ApiResponse({
    status: 403,
    description: 'The role may not perform the action (allowedActions listed)',
  })
  @ApiResponse({
    status: 409,
    description: 'The status does not allow the action (allowedActions listed)',
  })
  @ApiZodResponse(200, performResponse, 'Done')
  perform(
    @Param('id', zodParam(uuid)) id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!isFeedbackAction(action)) {
      throw validationProblem([
        { field: 'action', rule: 'enum', message: `must be one of ${FEEDBACK_ACTIONS.join(', ')}` },
      ]);
    }
    const parsed = ACTION_BODIES[action].safeParse(body ?? {});
    if (!parsed.success) throw validationProblem(violationsOf(parsed.error, 'body'));
    return this.handling.perform(id, action, parsed.data, principal);
  }
}
