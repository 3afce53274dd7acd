import { runOpenApiChecks } from '@motcua/testing';
import { digitizationService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('digitization OpenAPI document', () => {
  runOpenApiChecks(digitizationService);
});
