import { catalogService } from '../../apps/catalog/src/service';
import { digitizationService } from '../../apps/digitization/src/service';
import { dossiersService } from '../../apps/dossiers/src/service';
import { feedbackService } from '../../apps/feedback/src/service';
import { reportingService } from '../../apps/reporting/src/service';

/** The five services with an HTTP API, each documented in docs/openapi/<service>.json. */
export const OPENAPI_SERVICES = [
  catalogService,
  dossiersService,
  feedbackService,
  digitizationService,
  reportingService,
] as const;
