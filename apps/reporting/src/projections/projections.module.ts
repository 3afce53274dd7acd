import { Module } from '@nestjs/common';
import { CatalogProjector } from './catalog.projector';
import { DigitizationProjector } from './digitization.projector';
import { DossierProjector } from './dossier.projector';
import { FeedbackProjector } from './feedback.projector';
import { GenerationRepository } from './generation.repository';
import { PortalAckProjector } from './portal-ack.projector';
import { ProjectionConsumers } from './projection-consumers.service';
import { ProjectionHandlers } from './projection.handlers';
import { ProjectionSubscriptions } from './projection-subscriptions';

/** The read model's projections: the event handlers (@EventPattern) and their consumer groups per generation. */
@Module({
  controllers: [ProjectionHandlers],
  providers: [
    DossierProjector,
    FeedbackProjector,
    DigitizationProjector,
    PortalAckProjector,
    CatalogProjector,
    ProjectionSubscriptions,
    GenerationRepository,
    ProjectionConsumers,
  ],
  exports: [GenerationRepository, ProjectionConsumers],
})
export class ProjectionsModule {}
