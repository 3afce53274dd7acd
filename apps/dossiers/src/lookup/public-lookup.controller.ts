import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { dossierCode } from '@motcua/contracts';
import { zodParam, zodQuery } from '@motcua/http';
import { LookupRateLimiter } from './lookup-rate-limiter';
import { PublicLookupService } from './public-lookup.service';

const lookupQuery = z.object({ secret: z.string().min(8).max(64) });

@ApiTags('public')
@Controller('public/dossiers')
export class PublicLookupController {
  constructor(private readonly lookups: PublicLookupService, private readonly limiter: LookupRateLimiter) {}

  /** Tra cứu tình trạng hồ sơ with the code and the lookup secret printed on the receipt slip. */
  @Get(':code')
  @Public()
  async lookup(
    @Param('code', zodParam(dossierCode)) code: string,
    @Query(zodQuery(lookupQuery)) query: z.infer<typeof lookupQuery>,
    @Req() request: { ip?: string; socket?: { remoteAddress?: string } },
  ) {
    await this.limiter.consume(request.ip ?? request.socket?.remoteAddress ?? 'unknown');
    return this.lookups.lookup(code, query.secret);
  }
}
