import { Module } from '@nestjs/common';
import { Evaluation61Module } from '../evaluation-61/evaluation61.module';
import { FiguresModule } from '../figures/figures.module';
import { Index766Module } from '../index-766/index-766.module';
import { ReportScope } from './report-scope';
import { ReportService } from './report.service';
import { ReportsController } from './reports.controller';

/** The periodic reports (PDF and XLSX) built from figures, the Decree 61 evaluation and the 766 index. */
@Module({
  imports: [FiguresModule, Evaluation61Module, Index766Module],
  controllers: [ReportsController],
  providers: [ReportService, ReportScope],
})
export class ReportsModule {}
