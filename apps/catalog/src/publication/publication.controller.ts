import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { ApiZodBody, ApiZodResponse } from '@motcua/http';
import { PublicationBodyPipe } from './publication-body.pipe';
import { DECISION_BODY_SCHEMAS, type DecisionBody } from './publication.schemas';
import { PublicationService } from './publication.service';
import { recordResponse } from './publication.responses';

@ApiTags('publication')
@Controller('publication-decisions')
export class PublicationController {
  constructor(private readonly publications: PublicationService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Record a publication decision (quyết định công bố): new, amended, replaced or abolished',
    description:
      'Bodies: new {decision, procedure, demo?}; amended {decision, procedure}; replaced {decision, replacesCode, procedure, demo?}; abolished {decision, code}. ' +
      'A decision in force today is announced at once (procedure.published / amended / abolished); a later one when its effective date comes.',
  })
  @ApiZodBody(Object.values(DECISION_BODY_SCHEMAS))
  @ApiResponse({
    status: 201,
    description: 'Recorded: status announced or scheduled, with the versions it brings',
  })
  @ApiResponse({
    status: 400,
    description: 'Malformed or breaking a rule (problem+json, errors[] per field)',
  })
  @ApiResponse({
    status: 404,
    description: 'The procedure to amend, replace or abolish does not exist',
  })
  @ApiResponse({ status: 409, description: 'Code already used, or the procedure is abolished' })
  @ApiResponse({
    status: 422,
    description:
      'Legally required parts missing (every one listed), unknown domain, or out-of-order decision',
  })
  @ApiZodResponse(201, recordResponse, 'Created')
  record(@Body(PublicationBodyPipe) body: DecisionBody, @CurrentPrincipal() principal: Principal) {
    return this.publications.record(body, principal.subject);
  }
}
