import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { uuid } from '@motcua/contracts';
import {
  ApiZodActions,
  validationProblem,
  violationsOf,
  zodParam,
  ApiZodResponse,
} from '@motcua/http';
import { DOSSIER_ACTIONS, isAction } from './dossier-actions.table';
import { DossierLifecycleService } from './dossier-lifecycle.service';
import { ACTION_BODIES } from './lifecycle.schemas';
import { describeDossierAction } from './lifecycle.openapi';
import { getResponse, performResponse } from './dossier-lifecycle.responses';

@ApiTags('dossiers')
@Controller('dossiers')
export class DossierLifecycleController {
  constructor(private readonly lifecycle: DossierLifecycleService) {}

  /** A dossier with its steps, action history and the actions the caller may perform now. */
  @Get(':id')
  @ApiOperation({
    summary: 'A dossier with its steps, action history and the actions the caller may perform now',
  })
  @AccessLogged('dossier', { param: 'id' })
  @Roles('desk_officer', 'specialist', 'leader', 'admin', 'citizen', 'portal_client')
  @ApiZodResponse(200, getResponse, 'What was asked for')
  get(@Param('id', zodParam(uuid)) id: string, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.view(id, principal);
  }

  /** Performs an action of the lifecycle table (dossier-actions.table.ts); 409 with allowedActions when the status forbids it. */
  @Post(':id/actions/:action')
  @HttpCode(200)
  @Roles('desk_officer', 'specialist', 'leader', 'citizen', 'portal_client')
  @ApiZodActions('action', ACTION_BODIES, describeDossierAction)
  @ApiZodResponse(200, performResponse, 'Done')
  perform(
    @Param('id', zodParam(uuid)) id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!isAction(action)) {
      throw validationProblem([
        { field: 'action', rule: 'enum', message: `must be one of ${DOSSIER_ACTIONS.join(', ')}` },
      ]);
    }
    const parsed = ACTION_BODIES[action].safeParse(body ?? {});
    if (!parsed.success) throw validationProblem(violationsOf(parsed.error, 'body'));
    return this.lifecycle.perform(id, action, parsed.data, principal);
  }
}
