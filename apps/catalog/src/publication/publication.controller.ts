import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@motcua/auth';
import { procedureCode } from '@motcua/contracts';
import { zodBody, zodParam } from '@motcua/http';
import { CatalogDatabase } from '../catalog.database';
import { newProcedureDecisionSchema, type NewProcedureDecision } from './publication.schemas';
import { PublicationService } from './publication.service';

@ApiTags('procedures')
@Controller()
export class PublicationController {
  constructor(
    private readonly publications: PublicationService,
    private readonly db: CatalogDatabase,
  ) {}

  /** Records a publication decision that brings in a new procedure. */
  @Post('publication-decisions')
  @HttpCode(201)
  @Roles('admin')
  publish(@Body(zodBody(newProcedureDecisionSchema)) body: NewProcedureDecision) {
    return this.publications.publishNew(body);
  }

  /** The version of a procedure in force today (public). */
  @Get('procedures/:code')
  @Public()
  async procedure(@Param('code', zodParam(procedureCode)) code: string) {
    const version = await this.publications.findInForce(this.db, code);
    if (!version) throw new NotFoundException(`No procedure ${code} is in force.`);
    return version;
  }
}
