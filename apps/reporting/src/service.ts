import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import type { CommonServiceConfig } from '@motcua/config';
import { reportingEnv } from './config';
import { version } from '../package.json';

/** The reporting service as main.ts runs it and as its OpenAPI document (docs/openapi/reporting.json) describes it. */
export const reportingService: ServiceDescriptor<CommonServiceConfig> = {
  service: 'reporting',
  version,
  title: 'motcua reporting',
  description: 'Reporting, the 766 index and the live dashboard',
  env: reportingEnv,
  module: (config) => AppModule.forRoot(config),
};
