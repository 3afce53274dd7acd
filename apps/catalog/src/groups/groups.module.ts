import { Module } from '@nestjs/common';
import { PublicationModule } from '../publication/publication.module';
import { ProcedureGroupController } from './procedure-group.controller';
import { ProcedureGroupRepository } from './procedure-group.repository';
import { ProcedureGroupService } from './procedure-group.service';

/** Procedure groups (liên thông) and their publication. */
@Module({
  imports: [PublicationModule],
  controllers: [ProcedureGroupController],
  providers: [ProcedureGroupService, ProcedureGroupRepository],
})
export class GroupsModule {}
