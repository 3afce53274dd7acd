import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import { feedbackEnv, type FeedbackConfig } from './config';

/** The feedback service as main.ts runs it and as its OpenAPI document (docs/openapi/feedback.json) describes it. */
export const feedbackService: ServiceDescriptor<FeedbackConfig> = {
  service: 'feedback',
  title: 'motcua feedback',
  description: 'Feedback on administrative regulations (PAKN)',
  env: feedbackEnv,
  module: (config) => AppModule.forRoot(config),
};
