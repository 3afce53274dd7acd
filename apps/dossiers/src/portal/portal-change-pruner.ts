import { Inject, Injectable } from '@nestjs/common';
import { ScheduledJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG } from '../config';
import type { PortalConfig } from './portal.config';
import { PortalChangeRepository } from './portal-change.repository';

/** Prunes the superseded portal changes (PortalChangeRepository.prune) every PORTAL_CHANGE_PRUNE_INTERVAL_MS (docs/portal-integration.md). */
@Injectable()
export class PortalChangePruner extends ScheduledJob {
  constructor(
    private readonly changes: PortalChangeRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('portal change pruning', { intervalMs: config.PORTAL_CHANGE_PRUNE_INTERVAL_MS }, logger);
  }

  protected async pass(): Promise<void> {
    const deleted = await this.changes.prune(this.config.PORTAL_CHANGE_RETENTION_DAYS);
    if (deleted > 0) this.logger.info({ deleted }, 'portal changes pruned');
  }
}
