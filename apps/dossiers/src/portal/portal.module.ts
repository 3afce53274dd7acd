import { Module } from '@nestjs/common';
import { PortalChangePruner } from './portal-change-pruner';
import { PortalChangeRepository } from './portal-change.repository';
import { PortalChangesController } from './portal-changes.controller';
import { PortalChangesService } from './portal-changes.service';
import { PortalWebhooksController } from './portal-webhooks.controller';
import { PortalWebhookRepository } from './portal-webhook.repository';
import { PortalWebhooksService } from './portal-webhooks.service';
import { WebhookDispatcher } from './webhook-dispatcher';

/** The portal's resync path: the changes feed and the signed webhooks (docs/portal-integration.md). */
@Module({
  controllers: [PortalChangesController, PortalWebhooksController],
  providers: [
    PortalChangeRepository,
    PortalWebhookRepository,
    PortalChangesService,
    PortalWebhooksService,
    WebhookDispatcher,
    PortalChangePruner,
  ],
})
export class PortalModule {}
