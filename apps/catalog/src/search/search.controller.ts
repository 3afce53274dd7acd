import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { zodQuery } from '@motcua/http';
import { searchQuerySchema, type SearchQuery } from './search.schemas';
import { SearchService } from './search.service';

@ApiTags('procedures')
@Controller('procedures')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Search and list procedures (paginated); q matches with or without Vietnamese diacritics',
  })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'domain', required: false })
  @ApiQuery({ name: 'agency', required: false })
  @ApiQuery({ name: 'level', required: false, enum: ['province', 'district', 'commune'] })
  @ApiQuery({ name: 'onlineLevel', required: false, enum: ['full', 'partial', 'none'] })
  @ApiQuery({ name: 'status', required: false, enum: ['in_force', 'abolished'] })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  search(@Query(zodQuery(searchQuerySchema)) query: SearchQuery) {
    return this.searchService.search(query);
  }
}
