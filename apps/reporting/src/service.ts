import { describeService } from '@motcua/http';
import type { CommonServiceConfig } from '@motcua/config';
import { reportingEnv } from './config';
import { AppModule } from './app.module';
import { version } from '../package.json';

/** The reporting service as main.ts runs it and as its OpenAPI document (docs/openapi/reporting.json) describes it. */
export const reportingService = describeService<CommonServiceConfig>({
  service: 'reporting',
  version,
  description: 'Reporting, the 766 index and the live dashboard',
  env: reportingEnv,
  app: AppModule,
});
