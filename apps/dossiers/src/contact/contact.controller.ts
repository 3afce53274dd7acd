import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { uuid } from '@motcua/contracts';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import { DossierContactService } from './contact.service';
import { contactBodySchema, type ContactBody } from './contact.schemas';
import { recordResponse } from './contact.responses';

@ApiTags('dossiers')
@Controller('dossiers')
export class DossierContactController {
  constructor(private readonly contacts: DossierContactService) {}

  /**
   * Ghi nhận liên hệ: an officer records a body the applicant had to contact to complete the dossier
   * (index 4 of the 2018 evaluation); published as `motcua.dossier.contact-recorded`.
   */
  @Post(':id/contacts')
  @ApiOperation({
    summary:
      'Record a body the applicant had to contact to complete the dossier (index 4 of the 2018 evaluation)',
  })
  @HttpCode(201)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiZodResponse(201, recordResponse, 'Created')
  record(
    @Param('id', zodParam(uuid)) id: string,
    @Body(zodBody(contactBodySchema)) body: ContactBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.contacts.record(id, body, principal);
  }
}
