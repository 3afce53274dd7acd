import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import { feedbackEnv, type FeedbackConfig } from './config';
import { version } from '../package.json';

/** The feedback service as main.ts runs it and as its OpenAPI document (docs/openapi/feedback.json) describes it. */
export const feedbackService: ServiceDescriptor<FeedbackConfig> = {
  service: 'feedback',
  version,
  title: 'motcua feedback',
  description: 'Feedback on administrative regulations (PAKN)',
  env: feedbackEnv,
  module: (config) => AppModule.forRoot(config),
};
