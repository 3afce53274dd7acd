import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodQuery, ApiZodResponse } from '@motcua/http';
import { ratesQuery, type RatesQuery } from './rates.schemas';
import { RatesService } from './rates.service';
import { getResponse } from './rates.responses';

@ApiTags('rates')
@Controller('rates')
export class RatesController {
  constructor(private readonly rates: RatesService) {}

  @Get()
  @Roles('desk_officer', 'specialist', 'leader', 'admin')
  @ApiOperation({
    summary: 'Digitization rates of an agency over a period (local dates, inclusive)',
    description:
      'Received dossiers with digitized components, valid results digitized (target 50%), documents reused; each with numerator and denominator (sample size) and asOf.',
  })
  @ApiResponse({
    status: 403,
    description: 'agency-scope: an officer asked for an agency it does not act for',
  })
  @ApiZodResponse(200, getResponse, 'What was asked for')
  get(@Query(zodQuery(ratesQuery)) query: RatesQuery, @CurrentPrincipal() principal: Principal) {
    return this.rates.rates(query, principal);
  }
}
