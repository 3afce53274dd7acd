import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import { ReviewCampaignService } from './review-campaign.service';
import { ReviewReadService } from './review-read.service';
import { ReviewWorkService } from './review-work.service';
import {
  closeCampaignSchema,
  evaluationSchema,
  openCampaignSchema,
  proposalSchema,
  type CloseCampaign,
  type Evaluation,
  type OpenCampaign,
  type Proposal,
} from './review.schemas';
import {
  campaignResponse,
  listResponse,
  evaluateResponse,
  evaluationsResponse,
  proposeResponse,
  proposalsResponse,
} from './review.responses';

const campaignId = zodParam(z.uuid());

@ApiTags('review')
@Controller('review-campaigns')
export class ReviewController {
  constructor(
    private readonly campaigns: ReviewCampaignService,
    private readonly work: ReviewWorkService,
    private readonly reads: ReviewReadService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'leader')
  @ApiOperation({
    summary:
      'Open a review campaign (đợt rà soát) of one domain: department, deadline, procedures in scope',
  })
  @ApiZodResponse(201, campaignResponse, 'Created')
  open(@Body(zodBody(openCampaignSchema)) body: OpenCampaign) {
    return this.campaigns.open(body);
  }

  @Get()
  @Roles('admin', 'leader', 'specialist')
  @ApiOperation({ summary: 'Review campaigns with their progress against the deadline' })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list() {
    return this.campaigns.list();
  }

  @Get(':id')
  @Roles('admin', 'leader', 'specialist')
  @ApiOperation({ summary: 'One review campaign with its progress' })
  @ApiZodResponse(200, campaignResponse, 'What was asked for')
  get(@Param('id', campaignId) id: string) {
    return this.campaigns.get(id);
  }

  @Post(':id/evaluations')
  @HttpCode(201)
  @Roles('admin', 'leader', 'specialist')
  @ApiOperation({
    summary:
      'Evaluate a procedure in scope on necessity, reasonableness, legality and compliance cost',
  })
  @ApiZodResponse(201, evaluateResponse, 'Created')
  evaluate(
    @Param('id', campaignId) id: string,
    @Body(zodBody(evaluationSchema)) body: Evaluation,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.work.evaluate(id, body, principal.unit);
  }

  @Get(':id/evaluations')
  @ApiOperation({ summary: 'The evaluations of a review campaign' })
  @Roles('admin', 'leader', 'specialist')
  @ApiZodResponse(200, evaluationsResponse, 'What was asked for')
  evaluations(@Param('id', campaignId) id: string) {
    return this.reads.evaluations(id);
  }

  @Post(':id/proposals')
  @HttpCode(201)
  @Roles('admin', 'leader', 'specialist')
  @ApiOperation({
    summary:
      'Propose a simplification: cuts in documents, steps, days, and compliance cost now and after (Circular 02/2017 Art. 27)',
  })
  @ApiZodResponse(201, proposeResponse, 'Created')
  propose(@Param('id', campaignId) id: string, @Body(zodBody(proposalSchema)) body: Proposal) {
    return this.work.propose(id, body);
  }

  @Get(':id/proposals')
  @ApiOperation({ summary: 'The simplification proposals of a review campaign' })
  @Roles('admin', 'leader', 'specialist')
  @ApiZodResponse(200, proposalsResponse, 'What was asked for')
  proposals(@Param('id', campaignId) id: string) {
    return this.reads.proposals(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Close a campaign with its totals and annual saving' })
  @ApiZodResponse(200, campaignResponse, 'Done')
  close(
    @Param('id', campaignId) id: string,
    @Body(zodBody(closeCampaignSchema)) body: CloseCampaign,
  ) {
    return this.campaigns.close(id, body);
  }
}
