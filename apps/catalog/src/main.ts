import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { catalogEnv } from './config';

void runService({
  service: 'catalog',
  title: 'motcua catalog',
  description: 'Procedure catalog (TTHC)',
  loadConfig: () => loadConfigOrExit('catalog', catalogEnv),
  module: (config) => AppModule.forRoot(config),
});
