import { Controller, Get, Header, Query, Sse } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { agencyCode, domainCode } from '@motcua/contracts';
import { zodQuery } from '@motcua/http';
import { DASHBOARD_CSS } from './page/dashboard.css';
import { DASHBOARD_HTML } from './page/dashboard.html';
import { DASHBOARD_JS } from './page/dashboard.js';
import { LiveUpdatesService, type LiveMessage } from './live-updates.service';

const streamQuery = z.object({
  agency: agencyCode.optional(),
  domain: domainCode.optional(),
});

/**
 * The live dashboard. Public: it shows aggregated figures without personal data (the 766
 * index is public on the national portal too), so a wall screen or a phone opens it without a login.
 */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly live: LiveUpdatesService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The live dashboard page (Vietnamese)' })
  page(): string {
    return DASHBOARD_HTML;
  }

  @Get('dashboard.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @ApiExcludeEndpoint()
  script(): string {
    return DASHBOARD_JS;
  }

  @Get('dashboard.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @ApiExcludeEndpoint()
  style(): string {
    return DASHBOARD_CSS;
  }

  @Sse('events')
  @Public()
  @ApiOperation({
    summary: 'Server-sent events: a notice each time the projections change (fed by Redis pub/sub)',
  })
  events(
    @Query(zodQuery(streamQuery)) query: z.infer<typeof streamQuery>,
  ): Observable<LiveMessage> {
    return this.live.stream(query.agency, query.domain);
  }
}
