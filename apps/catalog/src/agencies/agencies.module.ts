import { Module } from '@nestjs/common';
import { AgencyTreeController } from './agency-tree.controller';
import { AgencyTreeService } from './agency-tree.service';

/** The agency tree (cơ quan, đơn vị) and its publication. */
@Module({
  controllers: [AgencyTreeController],
  providers: [AgencyTreeService],
})
export class AgenciesModule {}
