import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, ApiProduces } from '@nestjs/swagger';
import { AccessLogged, CurrentPrincipal, Public, Roles, type Principal } from '@motcua/auth';
import {
  RateLimiter,
  zodBody,
  zodParam,
  zodQuery,
  ApiZodResponse,
  type HttpReply,
} from '@motcua/http';
import { DIGITIZATION_CONFIG, type DigitizationConfig } from '../config';
import { idParam } from '../documents/document.schemas';
import { sendDownload } from '../shared/download';
import {
  issueResultBody,
  publicDownloadBody,
  resultListQuery,
  revokeResultBody,
  type IssueResultBody,
  type PublicDownloadBody,
  type RevokeResultBody,
} from './result.schemas';
import { ResultService } from './result.service';
import { issueResponse, revokeResponse, listResponse } from './result.responses';
import { MEDIA_TYPES } from '../intake/media-types';

@ApiTags('results')
@Controller()
export class ResultController {
  constructor(
    private readonly results: ResultService,
    private readonly limiter: RateLimiter,
    @Inject(DIGITIZATION_CONFIG) private readonly config: DigitizationConfig,
  ) {}

  @Post('results')
  @HttpCode(201)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary:
      'Record an issued result (publishes result.issued); answers the applicant access secret once',
    description:
      'An electronic result references a signed PDF uploaded with kind=signed-pdf. accessSecret is shown only in this answer; only its hash is kept.',
  })
  @ApiResponse({ status: 201, description: 'The result, with accessSecret for the applicant' })
  @ApiResponse({ status: 409, description: 'The issuing agency already used this number' })
  @ApiResponse({
    status: 422,
    description: 'Unknown file, or an electronic result without a signature',
  })
  @ApiZodResponse(201, issueResponse, 'Created')
  issue(
    @Body(zodBody(issueResultBody)) body: IssueResultBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.results.issue(body, principal);
  }

  @Post('results/:id/revocation')
  @HttpCode(200)
  @Roles('specialist', 'leader')
  @ApiOperation({
    summary: 'Revoke (thu hồi) a result: it leaves the reuse store (publishes result.revoked)',
  })
  @ApiResponse({ status: 409, description: 'Already revoked' })
  @ApiZodResponse(200, revokeResponse, 'Done')
  revoke(
    @Param(zodParam(idParam)) params: { id: string },
    @Body(zodBody(revokeResultBody)) body: RevokeResultBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.results.revoke(params.id, body, principal);
  }

  @Get('results')
  @Roles('desk_officer', 'specialist', 'leader')
  @AccessLogged('result', { items: '' })
  @ApiOperation({ summary: 'Results of a dossier issued by agencies in the caller’s scope' })
  @ApiResponse({ status: 404, description: 'The dossier is outside your scope' })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(
    @Query(zodQuery(resultListQuery)) query: { dossierId: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.results.list(query.dossierId, principal);
  }

  @Get('results/:id/file')
  @Roles('desk_officer', 'specialist', 'leader')
  @AccessLogged('result', { param: 'id' })
  @ApiOperation({
    summary:
      'Download a result file (officers of the issuing agency, or the centre receiving for it)',
  })
  @ApiResponse({ status: 404, description: 'No such result, or outside your scope' })
  @ApiProduces(...MEDIA_TYPES)
  async download(
    @Param(zodParam(idParam)) params: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Res() reply: HttpReply,
  ) {
    await sendDownload(reply, await this.results.download(params.id, principal));
  }

  @Post('public/result-downloads')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'The applicant downloads a result with the dossier code and the access secret handed out with it (rate-limited)',
    description:
      'Results only: the dossier events carry no hash of the dossier lookup secret, so documents cannot be offered on this path.',
  })
  @ApiResponse({ status: 404, description: 'No result matches the code and secret' })
  @ApiResponse({ status: 429, description: 'Too many attempts from this address' })
  @ApiProduces(...MEDIA_TYPES)
  async publicDownload(
    @Body(zodBody(publicDownloadBody)) body: PublicDownloadBody,
    @Req() request: { socket: { remoteAddress?: string } },
    @Res() reply: HttpReply,
  ) {
    const rule = {
      key: 'digitization:public-download',
      perMinute: this.config.PUBLIC_DOWNLOAD_RATE_PER_MINUTE,
      what: 'downloads',
    };
    await this.limiter.consume(rule, request.socket.remoteAddress ?? 'unknown');
    await sendDownload(reply, await this.results.publicDownload(body));
  }
}
