import { join } from 'node:path';
import { openApiReport, type OpenApiReport } from '@motcua/http';
import { feedbackService } from '../src/service';

// The OpenAPI document is generated from the routes and their zod schemas (ADR 0024).
describe('feedback OpenAPI document', () => {
  let report: OpenApiReport;
  beforeAll(async () => {
    report = await openApiReport(feedbackService, join(__dirname, '../../..'));
  });

  it('every input of every route has the zod schema that validates it', () => {
    expect(report.undocumentedInputs).toEqual([]);
    expect(report.routes).toBeGreaterThanOrEqual(3);
  });

  it('every operation declares its security, its problem answers and its success', () => {
    expect(report.incompleteOperations).toEqual([]);
  });

  it('every example passes the schema it illustrates', () => {
    expect(report.refusedExamples).toEqual([]);
  });

  it('docs/openapi/feedback.json is the generated one (tools/openapi/generate.ts)', () => {
    expect(report.committed).toBe(report.generated);
  });
});
