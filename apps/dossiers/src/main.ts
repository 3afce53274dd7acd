import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { dossiersService } from './service';
import { dossiersEnv } from './config';

void runService({
  ...dossiersService,
  loadConfig: () => loadConfigOrExit('dossiers', dossiersEnv),
});
