import { applyDecorators, Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@motcua/auth';
import { domainCode } from '@motcua/contracts';
import { zodParam, zodQuery, ApiZodResponse } from '@motcua/http';
import { figuresCsv, overdueCsv } from './figures.csv';
import { FIGURE_NAMES, type FigureName } from './figure-catalog';
import {
  figuresQuerySchema,
  interAgencyQuerySchema,
  overdueQuerySchema,
  type FiguresQuery,
  type InterAgencyQuery,
  type OverdueQuery,
} from './figures-query.schema';
import { FiguresService } from './figures.service';
import {
  allResponse,
  campaignsResponse,
  interAgencyDossiersResponse,
  oneResponse,
  overdueResponse,
} from './figures.responses';

/** The part of Fastify's reply these routes answer through. */
type Reply = {
  type(value: string): Reply;
  header(name: string, value: string): Reply;
  send(body: unknown): void;
};

const figureParam = z.object({ name: z.enum(FIGURE_NAMES as [FigureName, ...FigureName[]]) });

function send(
  reply: Reply,
  format: 'json' | 'csv',
  json: unknown,
  csv: () => string,
  filename: string,
): void {
  if (format === 'csv') {
    reply.header('Content-Disposition', `attachment; filename="${filename}.csv"`);
    reply.type('text/csv; charset=utf-8').send(csv());
  } else {
    reply.type('application/json').send(json);
  }
}

/** A public route answering JSON, or CSV with format=csv. */
const JsonOrCsv = (path: string, summary: string, schema: z.ZodType, what: string) =>
  applyDecorators(
    Get(path),
    Public(),
    ApiOperation({ summary }),
    ApiProduces('application/json', 'text/csv'),
    ApiZodResponse(200, schema, `${what} (JSON; text/csv with format=csv)`),
  );

/** A public list the dashboard polls: never cached. */
const LiveList = (path: string, summary: string, schema: z.ZodType) =>
  applyDecorators(
    Get(path),
    Public(),
    Header('Cache-Control', 'no-store'),
    ApiOperation({ summary }),
    ApiZodResponse(200, schema, 'What was asked for'),
  );

/**
 * Aggregated, personal-data-free figures: public, like the 766 index on the national portal.
 */
@ApiTags('figures')
@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @JsonOrCsv(
    '',
    'Every figure for a filter and period, optionally grouped (JSON or CSV)',
    allResponse,
    'The figures',
  )
  async all(
    @Query(zodQuery(figuresQuerySchema)) query: FiguresQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const { answer, rows } = await this.figures.figureRows(query);
    send(reply, query.format, answer, () => figuresCsv(rows), 'figures');
  }

  @JsonOrCsv(
    'overdue',
    'Unfinished dossiers past their due date, most overdue first (JSON or CSV)',
    overdueResponse,
    'The overdue dossiers',
  )
  async overdue(
    @Query(zodQuery(overdueQuerySchema)) query: OverdueQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const answer = await this.figures.overdue(query);
    send(reply, query.format, answer, () => overdueCsv(answer.dossiers), 'overdue');
  }

  @LiveList(
    'inter-agency',
    'Một cửa liên thông: unfinished inter-agency dossiers, their stages and which agency holds each now',
    interAgencyDossiersResponse,
  )
  interAgencyDossiers(@Query(zodQuery(interAgencyQuerySchema)) query: InterAgencyQuery) {
    return this.figures.interAgency(query);
  }

  @LiveList(
    'review-campaigns',
    'Review campaigns with their progress per domain against the deadlines',
    campaignsResponse,
  )
  campaigns(
    @Query(zodQuery(z.object({ domain: domainCode.optional() })))
    query: {
      domain?: string;
    },
  ) {
    return this.figures.campaigns(query.domain);
  }

  @JsonOrCsv(
    ':name',
    'One figure per group (JSON or CSV): value, numerator, denominator, sample size, cut-off',
    oneResponse,
    'The figure per group',
  )
  async one(
    @Param(zodParam(figureParam)) params: { name: FigureName },
    @Query(zodQuery(figuresQuerySchema)) query: FiguresQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const answer = await this.figures.figure(params.name, query);
    send(reply, query.format, answer, () => figuresCsv(answer.rows), params.name);
  }
}
