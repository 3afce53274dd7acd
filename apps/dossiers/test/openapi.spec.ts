import { runOpenApiChecks } from '@motcua/testing';
import { dossiersService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('dossiers OpenAPI document', () => {
  runOpenApiChecks(dossiersService);
});
