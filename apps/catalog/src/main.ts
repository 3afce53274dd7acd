import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { catalogService } from './service';
import { catalogEnv } from './config';

void runService({
  ...catalogService,
  loadConfig: () => loadConfigOrExit('catalog', catalogEnv),
});
