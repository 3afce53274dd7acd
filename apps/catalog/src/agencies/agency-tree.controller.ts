import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@motcua/auth';
import { z } from 'zod';
import {
  agencyCode,
  agencyTreeNodesSchema,
  requestSchemaOf,
  type AgencyNode,
} from '@motcua/contracts';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import { AgencyTreeService } from './agency-tree.service';
import { agencyTreeResponse } from './agency-tree.responses';

/** The tree's body: what the event carries, less what the catalog sets (version, time). */
const replaceBody = requestSchemaOf(
  z.strictObject({ provinceCode: agencyCode, nodes: agencyTreeNodesSchema }),
);

@ApiTags('agencies')
@Controller('agency-tree')
export class AgencyTreeController {
  constructor(private readonly trees: AgencyTreeService) {}

  @Get(':provinceCode')
  @Public()
  @ApiOperation({
    summary: 'The agency tree of a province (public: agencies, centres and units, no persons)',
  })
  @ApiZodResponse(200, agencyTreeResponse, 'What was asked for')
  get(@Param('provinceCode', zodParam(agencyCode)) provinceCode: string) {
    return this.trees.get(provinceCode);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Replace the agency tree of a province; published whole on catalog.agency.v1 (a new version)',
  })
  @ApiZodResponse(200, agencyTreeResponse, 'Stored')
  replace(
    @Body(zodBody(replaceBody)) body: { provinceCode: string; nodes: AgencyNode[] },
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.trees.replace(body, principal.subject);
  }
}
