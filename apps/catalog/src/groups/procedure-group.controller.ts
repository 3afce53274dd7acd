import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Public, Roles, type Principal } from '@motcua/auth';
import { procedureCode, procedureGroupCode } from '@motcua/contracts';
import { zodBody, zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { groupDecisionBodySchema, type GroupDecisionBody } from './procedure-group.schemas';
import { ProcedureGroupService } from './procedure-group.service';
import { publishResponse, listResponse, groupResponse } from './procedure-group.responses';

const listQuery = z.object({ procedureCode: procedureCode.optional() });

/** Nhóm TTHC liên thông: published by the administrator (like procedures), read by anyone. */
@ApiTags('procedure groups')
@Controller('procedure-groups')
export class ProcedureGroupController {
  constructor(private readonly groups: ProcedureGroupService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Publish a group of inter-agency procedures (nhóm TTHC liên thông) by a publication decision: new, or a new version (amended)',
    description:
      'Body {decision, group: {code, name, lifeEvent?, procedureCodes}, demo?}. Announced (procedure.group-published) at once when in force today, else when its effective date comes.',
  })
  @ApiResponse({
    status: 201,
    description: 'Recorded: status announced or scheduled, with the group version it brings',
  })
  @ApiResponse({
    status: 400,
    description: 'Malformed, or a procedure listed twice (problem+json, errors[] per field)',
  })
  @ApiResponse({ status: 404, description: 'Amending a group that does not exist' })
  @ApiResponse({ status: 409, description: 'A new group with a code already used' })
  @ApiResponse({
    status: 422,
    description: 'A member unknown, abolished or not yet in force; a decision out of order',
  })
  @ApiZodResponse(201, publishResponse, 'Created')
  publish(
    @Body(zodBody(groupDecisionBodySchema)) body: GroupDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.groups.publish(body, principal.subject);
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The groups in force; `procedureCode` keeps those containing that procedure',
  })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(@Query(zodQuery(listQuery)) query: z.infer<typeof listQuery>) {
    return this.groups.list(query.procedureCode);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'The version of a group in force today' })
  @ApiZodResponse(200, groupResponse, 'What was asked for')
  group(@Param('code', zodParam(procedureGroupCode)) code: string) {
    return this.groups.inForce(code);
  }
}
