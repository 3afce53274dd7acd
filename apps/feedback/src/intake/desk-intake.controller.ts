import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actsOnlyAsOwner, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, ApiZodResponse } from '@motcua/http';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { FeedbackScope } from '../scope/feedback-scope';
import { FeedbackIntakeService } from './feedback-intake.service';
import { intakeReply } from './intake-reply';
import { deskIntakeSchema, type DeskIntakeBody } from './intake.schemas';
import { deskIntakeResponse } from './intake.responses';

@ApiTags('feedback')
@Controller('feedback')
export class DeskIntakeController {
  constructor(
    private readonly intake: FeedbackIntakeService,
    private readonly scope: FeedbackScope,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  @Post()
  @Roles('desk_officer', 'specialist', 'leader', 'portal_client')
  @ApiOperation({
    summary: 'Log feedback received by letter, phone, at the desk, or relayed by the portal',
  })
  @ApiResponse({
    status: 201,
    description: 'Logged, with the tracking token to hand to the sender',
  })
  @ApiResponse({
    status: 200,
    description: 'Duplicate of the same sender within 10 minutes: merged: true',
  })
  @ApiResponse({ status: 400, description: 'Invalid input, errors[] naming each field' })
  @ApiResponse({
    status: 403,
    description:
      'agency-scope: an officer of another agency (feedback is received by FEEDBACK_AGENCY_CODE)',
  })
  @ApiResponse({ status: 422, description: 'Unknown procedure code' })
  @ApiZodResponse(201, deskIntakeResponse, 'A new feedback, with its tracking token')
  @ApiZodResponse(200, deskIntakeResponse, 'Merged into an earlier feedback on the same matter')
  async log(
    @Body(zodBody(deskIntakeSchema)) body: DeskIntakeBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    // An officer records feedback only for the agency it acts for (its own, or those its centre receives for).
    if (!actsOnlyAsOwner(principal))
      await this.scope.assertActsFor(principal, this.config.FEEDBACK_AGENCY_CODE, 'agencyCode');
    const outcome = await this.intake.receive(body, {
      subject: principal.subject,
      unit: principal.unit,
    });
    return intakeReply(outcome, response, 'officer');
  }
}
