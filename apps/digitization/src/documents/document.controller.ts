import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, ApiProduces } from '@nestjs/swagger';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, zodParam, zodQuery, ApiZodResponse, type HttpReply } from '@motcua/http';
import { sendDownload } from '../shared/download';
import {
  digitizeDocumentBody,
  documentListQuery,
  idParam,
  type DigitizeDocumentBody,
} from './document.schemas';
import { DocumentService } from './document.service';
import { digitizeResponse, listResponse } from './document.responses';
import { MEDIA_TYPES } from '../intake/media-types';

@ApiTags('documents')
@Controller('documents')
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  @Post()
  @HttpCode(201)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary: 'Record a digitized paper document of a dossier (publishes document.digitized)',
    description:
      'Body: {dossierId, dossierCode, applicantKey, documentCode, fileSha256 (from POST /files), filename, validUntil?}. The same file for the same slot again answers the existing record (replayed: true).',
  })
  @ApiResponse({ status: 201, description: 'The digitized document' })
  @ApiResponse({
    status: 400,
    description: 'Invalid field (problem+json naming it), e.g. a path as filename',
  })
  @ApiResponse({ status: 404, description: 'The dossier is outside your scope' })
  @ApiResponse({
    status: 409,
    description: 'dossierCode or applicantKey disagree with the dossier events',
  })
  @ApiResponse({ status: 422, description: 'No stored file with this SHA-256' })
  @ApiZodResponse(201, digitizeResponse, 'Created')
  digitize(
    @Body(zodBody(digitizeDocumentBody)) body: DigitizeDocumentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.documents.digitize(body, principal);
  }

  @Get()
  @Roles('desk_officer', 'specialist', 'leader')
  @AccessLogged('document', { items: '' })
  @ApiOperation({
    summary:
      'Digitized documents of a dossier in the caller’s scope (its agency; a specialist: a unit handling it)',
  })
  @ApiResponse({ status: 404, description: 'The dossier is outside your scope' })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(
    @Query(zodQuery(documentListQuery)) query: { dossierId: string },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.documents.list(query.dossierId, principal);
  }

  @Get(':id/file')
  @Roles('desk_officer', 'specialist', 'leader')
  @AccessLogged('document', { param: 'id' })
  @ApiOperation({
    summary: 'Download the file of a digitized document (officers in the dossier’s scope)',
  })
  @ApiResponse({
    status: 200,
    description: 'The file, as an attachment, with its media type and nosniff',
  })
  @ApiResponse({ status: 404, description: 'No such document, or outside your scope' })
  @ApiProduces(...MEDIA_TYPES)
  async download(
    @Param(zodParam(idParam)) params: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Res() reply: HttpReply,
  ) {
    await sendDownload(reply, await this.documents.download(params.id, principal));
  }
}
