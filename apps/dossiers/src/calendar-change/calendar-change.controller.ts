import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { agencyCode } from '@motcua/contracts';
import { ApiZodBody, validationProblem, violationsOf, ApiZodResponse } from '@motcua/http';
import { CalendarChangeService } from './calendar-change.service';
import { rederiveResponse } from './calendar-change.responses';

/** `dryRun` is required: an empty body must not start a run. */
const bodySchema = z.object({ dryRun: z.boolean(), agencyCode: agencyCode.optional() }).strict();

/**
 * After a calendar change is deployed (docs/legal-rules.md, "Calendar changes"): lists the open
 * dossiers whose legal due date the calendar in force moves, and with `dryRun: false` re-derives
 * them and announces each change; `agencyCode` limits the run to one agency. Admin only; called by `tools/calendar/rederive-due-dates.ts`.
 */
@ApiTags('admin')
@Controller('admin/calendar-change')
export class CalendarChangeController {
  constructor(private readonly service: CalendarChangeService) {}

  @Post('rederive')
  @ApiOperation({
    summary:
      'After a calendar change: list (dryRun) or re-derive the legal due dates of open dossiers',
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
