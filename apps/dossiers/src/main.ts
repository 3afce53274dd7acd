import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { dossiersEnv } from './config';

void runService({
  service: 'dossiers',
  title: 'motcua dossiers',
  description: 'Dossiers at the one-stop desk (hồ sơ một cửa)',
  loadConfig: () => loadConfigOrExit('dossiers', dossiersEnv),
  module: (config) => AppModule.forRoot(config),
});
