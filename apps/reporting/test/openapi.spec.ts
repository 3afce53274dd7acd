import { runOpenApiChecks } from '@motcua/testing';
import { reportingService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('reporting OpenAPI document', () => {
  runOpenApiChecks(reportingService);
});
