import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { calendarRederiveRequest, type CalendarRederiveRequest } from '@motcua/contracts';
import { ApiZodBody, ApiZodResponse, zodBody } from '@motcua/http';
import { CalendarChangeService } from './calendar-change.service';
import { rederiveResponse } from './calendar-change.responses';

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
  @ApiZodBody(calendarRederiveRequest)
  @ApiZodResponse(200, rederiveResponse, 'Done')
  rederive(
    @Body(zodBody(calendarRederiveRequest)) body: CalendarRederiveRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.service.rederiveAll({ ...body, actorSubject: principal.subject });
  }
}
