import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { agencyCode } from '@motcua/contracts';
import { ApiZodBody, validationProblem, violationsOf, ApiZodResponse } from '@motcua/http';
import { FeedbackCalendarChangeService } from './feedback-calendar-change.service';
import { rederiveResponse } from './feedback-calendar-change.responses';

/** `dryRun` is required: an empty body must not start a run. */
const bodySchema = z.object({ dryRun: z.boolean(), agencyCode: agencyCode.optional() }).strict();

/**
 * After a calendar change is deployed (docs/legal-rules.md, "Calendar changes"): lists the open
 * feedback items whose time limits the calendar in force moves, and with `dryRun: false`
 * re-derives them and announces each change. Admin only; called by `tools/calendar/rederive-due-dates.ts --feedback`.
 */
@ApiTags('admin')
@Controller('admin/calendar-change')
export class FeedbackCalendarChangeController {
  constructor(private readonly service: FeedbackCalendarChangeService) {}

  @Post('rederive')
  @ApiOperation({
    summary:
      'After a calendar change: list (dryRun) or re-derive the time limits of open feedback items',
  })
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(bodySchema)
  @ApiZodResponse(200, rederiveResponse, 'Done')
  rederive(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = bodySchema.safeParse(body ?? {});
    if (!parsed.success) throw validationProblem(violationsOf(parsed.error, 'body'));
    return this.service.rederiveAll({ ...parsed.data, actorSubject: principal.subject });
  }
}
