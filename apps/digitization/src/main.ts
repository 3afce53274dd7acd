import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { digitizationEnv } from './config';

void runService({
  service: 'digitization',
  title: 'motcua digitization',
  description: 'Digitization (số hóa) and reuse',
  loadConfig: () => loadConfigOrExit('digitization', digitizationEnv),
  module: (config) => AppModule.forRoot(config),
});
