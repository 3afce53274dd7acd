import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { zodQuery, ApiZodResponse } from '@motcua/http';
import { evaluation61Response } from './evaluation61.responses';
import { toCsv } from '../figures/csv';
import { evaluationQuerySchema, type EvaluationQuery } from '../figures/figures-query.schema';
import { DECREE_61_POLICY } from './decree61.policy';
import { Evaluation61Service, type EvaluationGroup } from './evaluation61.service';

/** The part of Fastify's reply these routes answer through. */
type Reply = {
  type(value: string): Reply;
  header(name: string, value: string): Reply;
  send(body: unknown): void;
};

const INDEX_CODES = DECREE_61_POLICY.indices.map((i) => i.code);
const CSV_COLUMNS = [
  'key',
  'sampleSize',
  'lastEventAt',
  ...INDEX_CODES,
  'computedIndices',
  'points',
  'band',
  'ratingWithheld',
];

/** One CSV row per group: each index's average, or its status when it has none; no band while indices are missing. */
function csvRow(g: EvaluationGroup): Record<string, unknown> {
  const indices = Object.fromEntries(
    g.indices.map((i) => [i.code, i.status === 'computed' ? i.average : i.status]),
  );
  return {
    key: g.key,
    sampleSize: g.sampleSize,
    lastEventAt: g.lastEventAt,
    ...indices,
    computedIndices: g.computedIndices.join(' '),
    points: g.points,
    band: g.band?.code ?? null,
    ratingWithheld: g.ratingWithheld,
  };
}

/** Đánh giá việc giải quyết TTHC (Decree 61/2018): aggregates without personal data, public like the figures. */
@ApiTags('evaluation-61')
@Controller('evaluation-61')
export class Evaluation61Controller {
  constructor(private readonly evaluation: Evaluation61Service) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Decree 61 evaluation (nine indices, 2/1/0; dossiers received 2019-01-06 to 2025-06-30) per agency and period, JSON or CSV; no rating until all nine indices are computed',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiZodResponse(200, evaluation61Response, 'The evaluation (JSON; text/csv with format=csv)')
  async get(
    @Query(zodQuery(evaluationQuerySchema)) query: EvaluationQuery,
    @Res() reply: Reply,
  ): Promise<void> {
    const answer = await this.evaluation.evaluate(query);
    if (query.format === 'csv') {
      reply.header('Content-Disposition', 'attachment; filename="evaluation-61.csv"');
      reply
        .type('text/csv; charset=utf-8')
        .send(toCsv(CSV_COLUMNS as never, answer.groups.map(csvRow) as never));
    } else {
      reply.type('application/json').send({
        ...answer,
        policy: {
          ...DECREE_61_POLICY,
          bands: DECREE_61_POLICY.bands.map((b) => ({
            ...b,
            from: Number.isFinite(b.from) ? b.from : null,
          })),
        },
      });
    }
  }
}
