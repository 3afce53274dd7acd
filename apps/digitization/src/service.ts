import { describeService } from '@motcua/http';
import { digitizationEnv, type DigitizationConfig } from './config';
import { AppModule } from './app.module';
import { version } from '../package.json';

/** The digitization service as main.ts runs it and as its OpenAPI document (docs/openapi/digitization.json) describes it. */
export const digitizationService = describeService<DigitizationConfig>({
  service: 'digitization',
  version,
  description:
    'Digitization (số hóa): file intake, digitized documents and results, reuse per applicant, rates',
  env: digitizationEnv,
  app: AppModule,
  // POST /files takes the file itself (PDF, images) and checks its media type (intake.controller.ts).
  rawBodyPaths: ['/files'],
});
