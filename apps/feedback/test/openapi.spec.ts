import { runOpenApiChecks } from '@motcua/testing';
import { feedbackService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('feedback OpenAPI document', () => {
  runOpenApiChecks(feedbackService);
});
