import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { ApiBodyExample, RateLimiter, zodBody, ApiZodResponse } from '@motcua/http';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { clientIpOf, type ClientRequest } from '../shared/client-ip';
import { FeedbackIntakeService } from './feedback-intake.service';
import { intakeReply } from './intake-reply';
import { publicIntakeSchema, type PublicIntakeBody } from './intake.schemas';
import { publicIntakeResponse } from './intake.responses';

@ApiTags('public feedback')
@Controller('public/feedback')
export class PublicIntakeController {
  constructor(
    private readonly intake: FeedbackIntakeService,
    private readonly limiter: RateLimiter,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Gửi phản ánh, kiến nghị online (portal); rate-limited per client' })
  @ApiBodyExample({
    contact: { name: 'Trần Thị Bình', email: 'binh@example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.005432' },
    title: 'Thời hạn giải quyết quá dài',
    content: 'Đề nghị rút ngắn thời hạn giải quyết thủ tục đăng ký giá.',
  })
  @ApiResponse({
    status: 201,
    description: 'Logged: code, due dates and the secret tracking token (shown once)',
  })
  @ApiResponse({
    status: 200,
    description: 'Same submitter, same content within 10 minutes: the existing item, merged: true',
  })
  @ApiResponse({ status: 400, description: 'Invalid input, errors[] naming each field' })
  @ApiResponse({ status: 422, description: 'Unknown procedure code' })
  @ApiResponse({ status: 429, description: 'Too many submissions from this client' })
  @ApiZodResponse(201, publicIntakeResponse, 'A new feedback, with its tracking token')
  @ApiZodResponse(200, publicIntakeResponse, 'Merged into an earlier feedback on the same matter')
  async submit(
    @Req() request: ClientRequest,
    @Body(zodBody(publicIntakeSchema)) body: PublicIntakeBody,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    const clientIp = clientIpOf(request, this.config.FEEDBACK_TRUSTED_PROXY_HOPS);
    const rule = {
      key: 'feedback:rate:submit',
      perMinute: this.config.FEEDBACK_SUBMIT_RATE_PER_MINUTE,
      what: 'submissions',
    };
    await this.limiter.consume(rule, clientIp);
    const outcome = await this.intake.receive(
      { ...body, channel: 'online' },
      { subject: 'public', clientIp },
    );
    return intakeReply(outcome, response, 'public');
  }
}
