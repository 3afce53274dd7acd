import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG } from '../config';
import type { PortalConfig } from './portal.config';
import { PortalChangeRepository } from './portal-change.repository';

/** Prunes the superseded portal changes (PortalChangeRepository.prune) every PORTAL_CHANGE_PRUNE_INTERVAL_MS (docs/portal-integration.md). */
@Injectable()
export class PortalChangePruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    changes: PortalChangeRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.job = new PeriodicJob(
      'portal change pruning',
      async () => {
        const deleted = await changes.prune(config.PORTAL_CHANGE_RETENTION_DAYS);
        if (deleted > 0) logger.info({ deleted }, 'portal changes pruned');
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.PORTAL_CHANGE_PRUNE_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
