import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { reportingEnv } from './config';

void runService({
  service: 'reporting',
  title: 'motcua reporting',
  description: 'Reporting, the 766 index and the live dashboard',
  loadConfig: () => loadConfigOrExit('reporting', reportingEnv),
  module: (config) => AppModule.forRoot(config),
});
