import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { uuid } from '@motcua/contracts';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import { DossierLinkService } from './dossier-link.service';
import { dossierLinkBodySchema, type DossierLinkBody } from './dossier-link.schemas';
import { linkResponse } from './dossier-link.responses';

@ApiTags('feedback')
@Controller('feedback')
export class DossierLinkController {
  constructor(private readonly links: DossierLinkService) {}

  /** PAKN về hồ sơ: links the item to a dossier by its code (again when the verification concludes); publishes `motcua.feedback.linked`. */
  @Put(':id/dossier-link')
  @HttpCode(200)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary: 'Link a feedback item to a dossier (PAKN về hồ sơ), or update the link’s verification',
  })
  @ApiZodResponse(200, linkResponse, 'Stored')
  link(
    @Param('id', zodParam(uuid)) id: string,
    @Body(zodBody(dossierLinkBodySchema)) body: DossierLinkBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.links.link(id, body, principal);
  }
}
