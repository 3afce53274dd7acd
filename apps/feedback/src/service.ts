import { describeService } from '@motcua/http';
import { feedbackEnv, type FeedbackConfig } from './config';
import { AppModule } from './app.module';
import { version } from '../package.json';

/** The feedback service as main.ts runs it and as its OpenAPI document (docs/openapi/feedback.json) describes it. */
export const feedbackService = describeService<FeedbackConfig>({
  service: 'feedback',
  version,
  description: 'Feedback on administrative regulations (PAKN)',
  env: feedbackEnv,
  app: AppModule,
});
