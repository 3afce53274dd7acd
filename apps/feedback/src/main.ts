import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { feedbackEnv } from './config';

void runService({
  service: 'feedback',
  title: 'motcua feedback',
  description: 'Feedback on administrative regulations (PAKN)',
  loadConfig: () => loadConfigOrExit('feedback', feedbackEnv),
  module: (config) => AppModule.forRoot(config),
});
