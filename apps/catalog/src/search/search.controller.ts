import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { zodQuery, ApiZodResponse } from '@motcua/http';
import { searchQuerySchema, type SearchQuery } from './search.schemas';
import { SearchService } from './search.service';
import { searchResponse } from './search.responses';

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
  @ApiZodResponse(200, searchResponse, 'What was asked for')
  search(@Query(zodQuery(searchQuerySchema)) query: SearchQuery) {
    return this.searchService.search(query);
  }
}
