import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import { digitizationEnv, type DigitizationConfig } from './config';
import { version } from '../package.json';

/** The digitization service as main.ts runs it and as its OpenAPI document (docs/openapi/digitization.json) describes it. */
export const digitizationService: ServiceDescriptor<DigitizationConfig> = {
  service: 'digitization',
  version,
  title: 'motcua digitization',
  description:
    'Digitization (số hóa): file intake, digitized documents and results, reuse per applicant, rates',
  env: digitizationEnv,
  module: (config) => AppModule.forRoot(config),
  // POST /files takes the file itself (PDF, images) and checks its media type (intake.controller.ts).
  rawBodyPaths: ['/files'],
};
