import { Module } from '@nestjs/common';
import { AgencyTreeController } from './agency-tree.controller';
import { AgencyTreeRepository } from './agency-tree.repository';
import { AgencyTreeService } from './agency-tree.service';

/** The agency tree (cơ quan, đơn vị) and its publication. */
@Module({
  controllers: [AgencyTreeController],
  providers: [AgencyTreeService, AgencyTreeRepository],
  exports: [AgencyTreeRepository],
})
export class AgenciesModule {}
