import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** The procedure listing and search (GET /procedures). */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
