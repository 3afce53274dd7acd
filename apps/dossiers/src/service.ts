import { describeService } from '@motcua/http';
import { dossiersEnv, type DossiersConfig } from './config';
import { AppModule } from './app.module';
import { version } from '../package.json';

/** The dossiers service as main.ts runs it and as its OpenAPI document (docs/openapi/dossiers.json) describes it. */
export const dossiersService = describeService<DossiersConfig>({
  service: 'dossiers',
  version,
  description: 'Dossiers at the one-stop desk (hồ sơ một cửa)',
  env: dossiersEnv,
  app: AppModule,
});
