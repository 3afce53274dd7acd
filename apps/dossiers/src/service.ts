import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import { dossiersEnv, type DossiersConfig } from './config';
import { version } from '../package.json';

/** The dossiers service as main.ts runs it and as its OpenAPI document (docs/openapi/dossiers.json) describes it. */
export const dossiersService: ServiceDescriptor<DossiersConfig> = {
  service: 'dossiers',
  version,
  title: 'motcua dossiers',
  description: 'Dossiers at the one-stop desk (hồ sơ một cửa)',
  env: dossiersEnv,
  module: (config) => AppModule.forRoot(config),
};
