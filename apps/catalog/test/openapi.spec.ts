import { runOpenApiChecks } from '@motcua/testing';
import { catalogService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('catalog OpenAPI document', () => {
  runOpenApiChecks(catalogService);
});
