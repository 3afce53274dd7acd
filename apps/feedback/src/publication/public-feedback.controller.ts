import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { domainCode, procedureCode, satisfactionLevel } from '@motcua/contracts';
import {
  ApiZodHeader,
  RateLimiter,
  validationProblem,
  zodBody,
  zodParam,
  zodQuery,
  ApiZodResponse,
} from '@motcua/http';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { clientIpOf, type ClientRequest } from '../shared/client-ip';
import { PublicAnswersService } from './public-answers.service';
import { RatingService } from './rating.service';
import { searchResponse, answerResponse, trackResponse } from './public-feedback.responses';

/** The tracking token handed out at submission (header X-Tracking-Token). */
const trackingToken = z.string().min(16).max(128);

const feedbackCode = z
  .string()
  .regex(/^PAKN-\d{4}-\d{6}$/, 'must be a feedback code like PAKN-2026-000123');
const answersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  procedureCode: procedureCode.optional(),
  domainCode: domainCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
const ratingBody = z.object({ satisfaction: satisfactionLevel }).strict();

@ApiTags('public feedback')
@Controller('public/feedback')
export class PublicFeedbackController {
  constructor(
    private readonly answers: PublicAnswersService,
    private readonly ratings: RatingService,
    private readonly limiter: RateLimiter,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  @Get('answers')
  @Public()
  @ApiOperation({
    summary:
      'Published answers; q is searched with or without diacritics ("le phi" finds "lệ phí")',
  })
  @ApiZodResponse(200, searchResponse, 'What was asked for')
  async search(
    @Query(zodQuery(answersQuery)) query: z.infer<typeof answersQuery>,
    @Req() request: ClientRequest,
  ) {
    await this.limit(request);
    return this.answers.search(query);
  }

  @Get('answers/:code')
  @Public()
  @ApiOperation({ summary: 'One published answer' })
  @ApiZodResponse(200, answerResponse, 'What was asked for')
  async answer(@Param('code', zodParam(feedbackCode)) code: string, @Req() request: ClientRequest) {
    await this.limit(request);
    return this.answers.answer(code);
  }

  @Get(':code')
  @Public()
  @ApiZodHeader('X-Tracking-Token', trackingToken, {
    required: true,
    description: 'The secret given at submission',
  })
  @ApiOperation({ summary: 'The submitter tracks their feedback with the secret tracking token' })
  @ApiResponse({ status: 404, description: 'Unknown code or wrong token (not told apart)' })
  @ApiZodResponse(200, trackResponse, 'What was asked for')
  async track(
    @Param('code', zodParam(feedbackCode)) code: string,
    @Headers('x-tracking-token') token: string | undefined,
    @Req() request: ClientRequest,
  ) {
    await this.limit(request);
    return this.ratings.track(code, requireToken(token));
  }

  @Post(':code/rating')
  @Public()
  @ApiZodHeader('X-Tracking-Token', trackingToken, {
    required: true,
    description: 'The secret given at submission',
  })
  @ApiOperation({ summary: 'The submitter rates the published answer (once)' })
  @ApiResponse({ status: 409, description: 'Not published yet, or already rated' })
  @ApiZodResponse(201, trackResponse, 'Created')
  async rate(
    @Param('code', zodParam(feedbackCode)) code: string,
    @Headers('x-tracking-token') token: string | undefined,
    @Body(zodBody(ratingBody)) body: z.infer<typeof ratingBody>,
    @Req() request: ClientRequest,
  ) {
    await this.limit(request);
    return this.ratings.rate(code, requireToken(token), body.satisfaction);
  }

  private limit(request: ClientRequest): Promise<void> {
    const rule = {
      key: 'feedback:rate:lookup',
      perMinute: this.config.FEEDBACK_LOOKUP_RATE_PER_MINUTE,
      what: 'lookups',
    };
    return this.limiter.consume(rule, clientIpOf(request, this.config.FEEDBACK_TRUSTED_PROXY_HOPS));
  }
}

function requireToken(token: string | undefined): string {
  if (!trackingToken.safeParse(token).success) {
    throw validationProblem([
      {
        field: 'x-tracking-token',
        rule: 'required',
        message: 'the tracking token given at submission is required (header x-tracking-token)',
      },
    ]);
  }
  return token as string;
}
