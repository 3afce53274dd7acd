import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Query, Sse } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags, ApiProduces } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { agencyCode, domainCode } from '@motcua/contracts';
import { zodQuery } from '@motcua/http';
import { LiveUpdatesService, type LiveMessage } from './live-updates.service';

/**
 * The page's files (assets/dashboard.html, .css, .js): beside this file in the sources, and in
 * dist/apps/reporting/assets/dashboard/ once tools/build/build-service.mjs has copied them next
 * to the bundle. Read once at start: they change only with a new build.
 */
function readAssets(): Record<'html' | 'css' | 'js', string> {
  const dir = [join(__dirname, 'assets', 'dashboard'), join(__dirname, 'assets')].find((d) =>
    existsSync(join(d, 'dashboard.html')),
  );
  if (!dir) throw new Error(`the dashboard's assets are missing beside ${__dirname}`);
  const read = (ext: string) => readFileSync(join(dir, `dashboard.${ext}`), 'utf8');
  return { html: read('html'), css: read('css'), js: read('js') };
}

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
  private readonly assets = readAssets();

  constructor(private readonly live: LiveUpdatesService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'The live dashboard page (Vietnamese)' })
  @ApiProduces('text/html')
  page(): string {
    return this.assets.html;
  }

  @Get('dashboard.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @ApiExcludeEndpoint()
  script(): string {
    return this.assets.js;
  }

  @Get('dashboard.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @ApiExcludeEndpoint()
  style(): string {
    return this.assets.css;
  }

  @Sse('events')
  @Public()
  @ApiOperation({
    summary: 'Server-sent events: a notice each time the projections change (fed by Redis pub/sub)',
  })
  @ApiProduces('text/event-stream')
  events(
    @Query(zodQuery(streamQuery)) query: z.infer<typeof streamQuery>,
  ): Observable<LiveMessage> {
    return this.live.stream(query.agency, query.domain);
  }
}
