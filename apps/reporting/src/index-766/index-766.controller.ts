import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { zodQuery, ApiZodResponse } from '@motcua/http';
import { figuresQuerySchema, type FiguresQuery } from '../figures/figures-query.schema';
import { Index766Service, type Index766Answer } from './index-766.service';
import { indexResponse } from './index-766.responses';

/** The Decision 766/QĐ-TTg index of an agency (or the whole province) for a period. */
@ApiTags('index-766')
@Controller('index-766')
export class Index766Controller {
  constructor(private readonly index766: Index766Service) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Decision 766 index out of 100, each group and criterion with its formula inputs, and the figures it was computed from',
  })
  @ApiZodResponse(200, indexResponse, 'What was asked for')
  index(@Query(zodQuery(figuresQuerySchema)) query: FiguresQuery): Promise<Index766Answer> {
    return this.index766.index(query);
  }
}
