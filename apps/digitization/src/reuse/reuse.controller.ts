import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import {
  acceptReuseBody,
  dossierParam,
  offersQuery,
  type AcceptReuseBody,
  type OffersQuery,
} from './reuse.schemas';
import { ReuseService } from './reuse.service';
import { offersResponse, offersForDossierResponse, acceptResponse } from './reuse.responses';

@ApiTags('reuse')
@Controller()
export class ReuseController {
  constructor(private readonly reuse: ReuseService) {}

  @Get('reuse-offers')
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary:
      'Valid stored documents and results of an applicant (by applicantKey), optionally for one document code',
  })
  @ApiZodResponse(200, offersResponse, 'What was asked for')
  offers(@Query(zodQuery(offersQuery)) query: OffersQuery) {
    return this.reuse.offers(query);
  }

  @Get('dossiers/:dossierId/reuse-offers')
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary:
      'For each document slot of a dossier not yet digitized or reused: the applicant’s valid stored items',
  })
  @ApiResponse({
    status: 404,
    description:
      'No dossier event about this dossier has arrived yet, or the dossier is outside your scope',
  })
  @ApiZodResponse(200, offersForDossierResponse, 'What was asked for')
  offersForDossier(
    @Param(zodParam(dossierParam)) params: { dossierId: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reuse.offersForDossier(params.dossierId, principal);
  }

  @Post('dossiers/:dossierId/reuses')
  @HttpCode(201)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary:
      'Accept an offer: the stored item replaces the paper document (publishes document.reused)',
  })
  @ApiResponse({
    status: 409,
    description: 'This slot of the dossier is already reused, or the dossier facts disagree',
  })
  @ApiResponse({
    status: 422,
    description:
      'The source is not a valid item of this applicant for this code (revoked, expired...)',
  })
  @ApiZodResponse(201, acceptResponse, 'Created')
  accept(
    @Param(zodParam(dossierParam)) params: { dossierId: string },
    @Body(zodBody(acceptReuseBody)) body: AcceptReuseBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reuse.accept(params.dossierId, body, principal);
  }
}
