import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { RebuildController } from './rebuild.controller';
import { RebuildService } from './rebuild.service';

/** Rebuilding the read model into a new generation from the topics' history. */
@Module({
  imports: [ProjectionsModule],
  controllers: [RebuildController],
  providers: [RebuildService],
})
export class RebuildModule {}
