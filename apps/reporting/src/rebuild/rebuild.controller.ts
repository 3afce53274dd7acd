import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/auth';
import { RebuildService, type RebuildState } from './rebuild.service';
import { ApiZodResponse } from '@motcua/http';
import { startResponse, stateResponse } from './rebuild.responses';

@ApiTags('admin')
@Controller('admin/projections')
export class RebuildController {
  constructor(private readonly rebuild: RebuildService) {}

  @Post('rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Replay every topic into a new projection generation; switch when caught up',
  })
  @ApiZodResponse(202, startResponse, 'Done')
  async start(): Promise<{ generation: number; groupId: string; status: string }> {
    return this.rebuild.start();
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Projection generations and the lag of a rebuild in progress' })
  @ApiZodResponse(200, stateResponse, 'What was asked for')
  state(): Promise<RebuildState> {
    return this.rebuild.state();
  }
}
