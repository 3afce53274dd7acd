import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module';
import { Index766Controller } from './index-766.controller';
import { Index766Repository } from './index-766.repository';
import { Index766Service } from './index-766.service';

/** The index of Decision 766/QĐ-TTg (Bộ chỉ số phục vụ người dân, doanh nghiệp). */
@Module({
  imports: [FiguresModule],
  controllers: [Index766Controller],
  providers: [Index766Repository, Index766Service],
  exports: [Index766Repository],
})
export class Index766Module {}
