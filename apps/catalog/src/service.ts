import { describeService } from '@motcua/http';
import { catalogEnv, type CatalogConfig } from './config';
import { AppModule } from './app.module';
import { version } from '../package.json';

/** The catalog service as main.ts runs it and as its OpenAPI document (docs/openapi/catalog.json) describes it. */
export const catalogService = describeService<CatalogConfig>({
  service: 'catalog',
  version,
  description: 'Procedure catalog (TTHC)',
  env: catalogEnv,
  app: AppModule,
});
