import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { procedureCode } from '@motcua/contracts';
import { zodParam, zodQuery } from '@motcua/http';
import { FeedbackDatabase } from '../feedback.database';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { officerView } from '../feedback/feedback.view';
import { FeedbackScope } from '../scope/feedback-scope';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Feedback about one procedure, for its review (rà soát, đánh giá TTHC). */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('procedures')
export class ProcedureFeedbackController {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly db: FeedbackDatabase,
    private readonly scope: FeedbackScope,
  ) {}

  @Get(':code/feedback')
  @Roles('desk_officer', 'specialist', 'leader', 'admin')
  @AccessLogged('feedback', { items: 'items' })
  @ApiOperation({
    summary: 'Feedback about a procedure (every status), newest first, with counts per status',
  })
  async list(
    @Param('code', zodParam(procedureCode)) code: string,
    @Query(zodQuery(pageQuery)) page: z.infer<typeof pageQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const agencies = await this.scope.listable(principal);
    const [items, total] = await this.feedback.list(this.db, {
      procedureCode: code,
      ...page,
      agencies,
    });
    const inScope = agencies ? { agencyCode: { in: agencies } } : {};
    const byStatus = await this.db.feedback.groupBy({
      by: ['status'],
      where: { procedureCode: code, ...inScope },
      _count: { _all: true },
    });
    return {
      procedureCode: code,
      total,
      byStatus: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])),
      items: items.map((f) => officerView(f)),
    };
  }
}
