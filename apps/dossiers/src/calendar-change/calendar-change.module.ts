import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { CalendarChangeController } from './calendar-change.controller';
import { CalendarChangeService } from './calendar-change.service';
import { RederivationRepository } from './rederivation.repository';

/** Re-derivation of due dates after a calendar change (admin endpoint). */
@Module({
  controllers: [CalendarChangeController],
  providers: [CalendarChangeService, DossierRepository, RederivationRepository],
})
export class CalendarChangeModule {}
