import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody } from '@motcua/http';
import { FeedbackIntakeService } from './feedback-intake.service';
import { intakeReply } from './intake-reply';
import { deskIntakeSchema, type DeskIntakeBody } from './intake.schemas';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback')
export class DeskIntakeController {
  constructor(private readonly intake: FeedbackIntakeService) {}

  @Post()
  @Roles('desk_officer', 'specialist', 'leader', 'portal_client')
  @ApiOperation({ summary: 'Log feedback received by letter, phone, at the desk, or relayed by the portal' })
  @ApiResponse({ status: 201, description: 'Logged, with the tracking token to hand to the sender' })
  @ApiResponse({ status: 200, description: 'Duplicate of the same sender within 10 minutes: merged: true' })
  @ApiResponse({ status: 400, description: 'Invalid input, errors[] naming each field' })
  @ApiResponse({ status: 422, description: 'Unknown procedure code' })
  async log(
    @Body(zodBody(deskIntakeSchema)) body: DeskIntakeBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    const outcome = await this.intake.receive(body, { subject: principal.subject, unit: principal.unit });
    return intakeReply(outcome, response, 'officer');
  }
}
