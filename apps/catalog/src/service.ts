import type { ServiceDescriptor } from '@motcua/http';
import { AppModule } from './app.module';
import { catalogEnv, type CatalogConfig } from './config';
import { version } from '../package.json';

/** The catalog service as main.ts runs it and as its OpenAPI document (docs/openapi/catalog.json) describes it. */
export const catalogService: ServiceDescriptor<CatalogConfig> = {
  service: 'catalog',
  version,
  title: 'motcua catalog',
  description: 'Procedure catalog (TTHC)',
  env: catalogEnv,
  module: (config) => AppModule.forRoot(config),
};
