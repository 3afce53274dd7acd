import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { reportingService } from './service';
import { reportingEnv } from './config';

void runService({
  ...reportingService,
  loadConfig: () => loadConfigOrExit('reporting', reportingEnv),
});
