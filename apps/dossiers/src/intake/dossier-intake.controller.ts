import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import {
  ApiBodyExample,
  ApiZodHeader,
  validationProblem,
  zodBody,
  ApiZodResponse,
} from '@motcua/http';
import { DossierIntakeService } from './dossier-intake.service';
import { idempotencyKeySchema, intakeRequestSchema, type IntakeRequest } from './intake.schemas';
import { receiveResponse } from './dossier-intake.responses';

@ApiTags('dossiers')
@Controller('dossiers')
export class DossierIntakeController {
  constructor(private readonly intake: DossierIntakeService) {}

  /**
   * Tiếp nhận hồ sơ: outcome received (with code, appointment date and lookup secret),
   * supplement_requested (everything missing at once) or refused (reasons).
   */
  @Post()
  @ApiOperation({
    summary:
      'Receive a dossier (tiếp nhận hồ sơ): received with code, appointment date and lookup secret; supplement_requested; or refused',
  })
  @HttpCode(201)
  @Roles('desk_officer', 'citizen', 'portal_client', 'admin')
  @ApiBodyExample({
    procedureCode: '1.005432',
    channel: 'online',
    applicant: { type: 'citizen', personalId: '001090001234', name: 'Nguyễn Văn An' },
    documents: [{ code: 'TP01', digitized: true }],
  })
  @ApiZodHeader('Idempotency-Key', idempotencyKeySchema, {
    description: 'Retries with the same key return the same dossier',
  })
  @ApiZodResponse(201, receiveResponse, 'Created')
  receive(
    @Body(zodBody(intakeRequestSchema)) body: IntakeRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined) {
      const parsed = idempotencyKeySchema.safeParse(idempotencyKey);
      if (!parsed.success) {
        throw validationProblem([
          {
            field: 'header.Idempotency-Key',
            rule: 'format',
            message: parsed.error.issues[0].message,
          },
        ]);
      }
    }
    return this.intake.receive(body, principal, idempotencyKey);
  }
}
