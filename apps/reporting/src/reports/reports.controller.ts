import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodQuery } from '@motcua/http';
import { renderReportPdf } from './report-pdf.renderer';
import { reportQuerySchema, type ReportQuery } from './report-query.schema';
import { renderReportXlsx } from './report-xlsx.renderer';
import { ReportScope } from './report-scope';
import { ReportService } from './report.service';

/** The part of Fastify's reply the report answers through. */
type Reply = { header(name: string, value: string): Reply; send(body: Buffer): void };

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Quarterly and yearly reports for officials (PDF, spreadsheet). */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly scope: ReportScope,
  ) {}

  @Get()
  @Roles('leader', 'admin', 'specialist')
  @ApiOperation({
    summary: 'Quarterly or yearly report of the province or one agency, as PDF or XLSX',
  })
  @ApiProduces(TYPES.pdf, TYPES.xlsx)
  @ApiResponse({
    status: 403,
    description:
      'agency-scope: a province-wide report, or another agency’s, for an officer (admin: any)',
  })
  async report(
    @Query(zodQuery(reportQuerySchema)) query: ReportQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: Reply,
  ): Promise<void> {
    await this.scope.assertMayExport(principal, query.agency);
    const data = await this.reports.collect(query);
    const body =
      query.format === 'pdf' ? await renderReportPdf(data) : await renderReportXlsx(data);
    const name = `bao-cao-${query.kind === 'quarterly' ? `quy-${query.quarter}-` : ''}${query.year}${query.agency ? `-${query.agency}` : ''}.${query.format}`;
    reply.header('Content-Type', TYPES[query.format]);
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    reply.send(body);
  }
}
