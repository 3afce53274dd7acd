import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { ApiZodResponse, zodQuery } from '@motcua/http';
import { ReceivingDeskService } from './receiving-desk.service';
import { forwardedListResponse } from './receiving-desk.responses';
import { forwardedQuery, type ForwardedQuery } from './receiving-desk.schemas';

@ApiTags('dossiers')
@Controller('receiving-desk')
export class ReceivingDeskController {
  constructor(private readonly desk: ReceivingDeskService) {}

  /** The dossiers the caller's desk received and forwarded, with who holds each now (docs/inter-agency.md). */
  @Get('dossiers')
  @ApiOperation({
    summary:
      'Dossiers a receiving desk (public administration centre) received and forwarded, with their current holder',
  })
  @Roles('desk_officer', 'leader')
  @AccessLogged('dossier', { items: 'items' })
  @ApiZodResponse(200, forwardedListResponse, 'What was asked for')
  list(
    @Query(zodQuery(forwardedQuery)) query: ForwardedQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.desk.forwarded(principal, query);
  }
}
