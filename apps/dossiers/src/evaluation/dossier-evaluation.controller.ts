import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { uuid } from '@motcua/contracts';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import { DossierEvaluationService } from './dossier-evaluation.service';
import { evaluationBodySchema, type EvaluationBody } from './evaluation.schemas';
import { evaluateResponse } from './dossier-evaluation.responses';

@ApiTags('dossiers')
@Controller('dossiers')
export class DossierEvaluationController {
  constructor(private readonly evaluation: DossierEvaluationService) {}

  /**
   * Đánh giá giải quyết hồ sơ: the applicant who submitted the dossier online, or the desk officer entering the
   * applicant's paper form, once per decided dossier; published as `motcua.dossier.evaluated`.
   */
  @Post(':id/evaluation')
  @ApiOperation({
    summary:
      "The applicant's evaluation of a decided dossier, once (online, or entered by the desk from the paper form)",
  })
  @HttpCode(201)
  @Roles('citizen', 'desk_officer')
  @ApiZodResponse(201, evaluateResponse, 'Created')
  evaluate(
    @Param('id', zodParam(uuid)) id: string,
    @Body(zodBody(evaluationBodySchema)) body: EvaluationBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.evaluation.evaluate(id, body, principal);
  }
}
