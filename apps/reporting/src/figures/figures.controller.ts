import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { domainCode } from '@motcua/contracts';
import { zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { toCsv } from './csv';
import { FIGURE_NAMES, type FigureName } from './figure-catalog';
import {
  figuresQuerySchema,
  interAgencyQuerySchema,
  overdueQuerySchema,
  type FiguresQuery,
  type InterAgencyQuery,
  type OverdueQuery,
} from './figures-query.schema';
import { FiguresService, type FigureRow } from './figures.service';
import {
  allResponse,
  campaignsResponse,
  interAgencyDossiersResponse,
  oneResponse,
  overdueResponse,
} from './figures.responses';

type Reply = {
  type(value: string): Reply;
  setHeader(name: string, value: string): void;
  send(body: unknown): void;
};

const CSV_COLUMNS: (keyof FigureRow)[] = [
  'key',
  'figure',
  'value',
  'numerator',
  'denominator',
  'sampleSize',
  'lastEventAt',
];
const figureParam = z.object({ name: z.enum(FIGURE_NAMES as [FigureName, ...FigureName[]]) });

function send(
  reply: Reply,
  format: 'json' | 'csv',
  json: unknown,
  csv: () => string,
  filename: string,
): void {
  if (format === 'csv') {
    reply.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
    reply.type('text/csv; charset=utf-8').send(csv());
  } else {
    reply.type('application/json').send(json);
  }
}

/**
 * Aggregated, personal-data-free figures: public, like the 766 index on the national portal.
 */
@ApiTags('figures')
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Every figure for a filter and period, optionally grouped (JSON or CSV)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiZodResponse(200, allResponse, 'The figures (JSON; text/csv with format=csv)')
  async all(
    @Query(zodQuery(figuresQuerySchema)) query: FiguresQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const answer = await this.figures.figures(query);
    const rows = answer.groups.flatMap((g) =>
      FIGURE_NAMES.map((figure) => ({ key: g.key, figure, ...g.figures[figure] })),
    );
    send(reply, query.format, answer, () => toCsv(CSV_COLUMNS, rows), 'figures');
  }

  @Get('overdue')
  @Public()
  @ApiOperation({
    summary: 'Unfinished dossiers past their due date, most overdue first (JSON or CSV)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiZodResponse(200, overdueResponse, 'The overdue dossiers (JSON; text/csv with format=csv)')
  async overdue(
    @Query(zodQuery(overdueQuerySchema)) query: OverdueQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const answer = await this.figures.overdue(query);
    const rows = answer.dossiers;
    send(
      reply,
      query.format,
      answer,
      () =>
        toCsv(
          [
            'dossierCode',
            'procedureCode',
            'agencyCode',
            'domainCode',
            'unitCode',
            'status',
            'dueDate',
            'daysLate',
            'heldBy',
            'lateStageAgencyCodes',
          ],
          rows.map((r) => ({
            ...r,
            heldBy: r.heldBy.map((s) => s.agencyCode).join(' '),
            lateStageAgencyCodes: r.lateStageAgencyCodes.join(' '),
          })),
        ),
      'overdue',
    );
  }

  @Get('inter-agency')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Một cửa liên thông: unfinished inter-agency dossiers, their stages and which agency holds each now',
  })
  @ApiZodResponse(200, interAgencyDossiersResponse, 'What was asked for')
  interAgencyDossiers(@Query(zodQuery(interAgencyQuerySchema)) query: InterAgencyQuery) {
    return this.figures.interAgency(query);
  }

  @Get('review-campaigns')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Review campaigns with their progress per domain against the deadlines',
  })
  @ApiZodResponse(200, campaignsResponse, 'What was asked for')
  campaigns(
    @Query(zodQuery(z.object({ domain: domainCode.optional() })))
    query: {
      domain?: string;
    },
  ) {
    return this.figures.campaigns(query.domain);
  }

  @Get(':name')
  @Public()
  @ApiOperation({
    summary:
      'One figure per group (JSON or CSV): value, numerator, denominator, sample size, cut-off',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiZodResponse(200, oneResponse, 'The figure per group (JSON; text/csv with format=csv)')
  async one(
    @Param(zodParam(figureParam)) params: { name: FigureName },
    @Query(zodQuery(figuresQuerySchema)) query: FiguresQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const { answer, rows } = await this.figures.figure(params.name, query);
    const json = {
      generation: answer.generation,
      period: answer.period,
      filters: answer.filters,
      groupBy: answer.groupBy,
      figure: params.name,
      rows,
    };
    send(reply, query.format, json, () => toCsv(CSV_COLUMNS, rows), params.name);
  }
}
