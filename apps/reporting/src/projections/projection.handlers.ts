import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CONSUMERS, type CloudEvent } from '@motcua/contracts';
import { IN_BATCHES, type InboxContext } from '@motcua/messaging';
import type { ReportingTx } from '../reporting.database';
import { ProjectionConsumers } from './projection-consumers.service';
import { ProjectionSubscriptions } from './projection-subscriptions';

/**
 * Every event reporting consumes, in runs of consecutive events of one fetched batch (projected
 * set-based, docs/adr/0008-*), for the generation whose consumer group delivered them.
 */
@Controller()
export class ProjectionHandlers {
  constructor(
    private readonly consumers: ProjectionConsumers,
    private readonly subscriptions: ProjectionSubscriptions,
  ) {}

  @EventPattern(CONSUMERS.reporting.map((contract) => contract.type), IN_BATCHES)
  async onEvents(
    @Payload() events: CloudEvent<Record<string, unknown>>[],
    @Ctx() ctx: InboxContext<ReportingTx>,
  ): Promise<void> {
    const generation = this.consumers.generationOf(ctx.getGroup());
    await this.subscriptions.applyRun(
      generation,
      events,
      ctx.transaction,
      this.consumers.notifierOf(generation),
    );
  }
}
