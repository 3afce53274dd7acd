import { randomUUID } from 'node:crypto';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/**
 * Bad intakes carrying a marker name, identifier and phone: whatever they make the service log
 * (validation, a database error, an out-of-scope officer), no line holds the marker.
 */
describe('no personal data in the logs', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  const marker = `Nguyễn Văn Dấuvết${randomUUID().slice(0, 8)}`;
  const personalId = '079123456789';

  beforeAll(async () => {
    await h.start(4318, { LOG_LEVEL: 'debug' });
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(() => h.stop());

  it('logs none of the marker after bad intakes refused by validation, by the catalog copy and by scope', async () => {
    const applicant = { type: 'citizen', personalId, name: marker };
    const attempts = [
      // A NUL character: refused at the edge now (400); it used to reach PostgreSQL and fail there.
      intakeBody(procedure, { applicant: { ...applicant, name: `${marker}\u0000` } }),
      intakeBody(procedure, { applicant: { ...applicant, organisationName: `${marker}\u0000` } }),
      intakeBody(procedure, { applicant: { ...applicant, personalId: `${marker}` } }),
      intakeBody(procedure, { applicant, documents: [{ code: `${marker}`.slice(0, 40) }] }),
      intakeBody({ ...procedure, code: '9.999999' }, { applicant }),
    ];
    const statuses: number[] = [];
    for (const body of attempts) statuses.push((await h.intake(body)).status);
    statuses.push(
      (
        await h.request('POST', '/dossiers', {
          role: 'desk_officer',
          agency: '000.00.99.H99',
          body: intakeBody(procedure, { applicant }),
        })
      ).status,
    );
    expect(statuses.every((status) => status >= 400)).toBe(true);
    expect(statuses).toContain(403);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the logger writes asynchronously
    const lines = h.service.logs.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).not.toContain('Dấuvết');
    expect(lines).not.toContain(personalId);
  });
});
