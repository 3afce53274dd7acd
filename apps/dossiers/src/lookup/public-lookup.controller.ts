import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { dossierCode } from '@motcua/contracts';
import { RateLimiter, zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { PublicLookupService } from './public-lookup.service';
import { lookupResponse } from './public-lookup.responses';

const lookupQuery = z.object({ secret: z.string().min(8).max(64) });

@ApiTags('public')
@Controller('public/dossiers')
export class PublicLookupController {
  constructor(
    private readonly lookups: PublicLookupService,
    private readonly limiter: RateLimiter,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  /** Tra cứu tình trạng hồ sơ with the code and the lookup secret printed on the receipt slip. */
  @Get(':code')
  @ApiOperation({
    summary:
      "Public lookup of a dossier's status with the code and the lookup secret printed on the receipt slip (rate-limited)",
  })
  @Public()
  @ApiZodResponse(200, lookupResponse, 'What was asked for')
  async lookup(
    @Param('code', zodParam(dossierCode)) code: string,
    @Query(zodQuery(lookupQuery)) query: z.infer<typeof lookupQuery>,
    @Req() request: { ip?: string; socket?: { remoteAddress?: string } },
  ) {
    const rule = {
      key: 'dossiers:lookup-rate',
      perMinute: this.config.LOOKUP_RATE_PER_MINUTE,
      what: 'lookups',
    };
    await this.limiter.consume(rule, request.ip ?? request.socket?.remoteAddress ?? 'unknown');
    return this.lookups.lookup(code, query.secret);
  }
}
