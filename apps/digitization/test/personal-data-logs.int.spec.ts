import { randomUUID } from 'node:crypto';
import { samplePdf } from './support/sample-files';
import { DigitizationHarness, type Caller } from './digitization-harness';
import { dossierFacts, newApplicantKey, testAgency, vietnamDay } from './dossier-fixtures';

/**
 * Bad digitization intakes carrying a marker name and identifier (a file name, an agency name, a
 * revocation reason, a file's content): whatever they make the service log (validation, an unknown
 * file, an officer of another agency, a dossier outside scope), no line holds the marker.
 */
describe('no personal data in the digitization logs', () => {
  let h: DigitizationHarness;
  const agency = testAgency();
  const desk: Caller = { role: 'desk_officer', unit: 'VP.MC', agency };
  const elsewhere: Caller = { ...desk, agency: '000.00.99.H99' };
  const marker = `Lê Thị Dấuvết${randomUUID().slice(0, 8)}`;
  const personalId = '079123456789';

  beforeAll(async () => {
    h = await DigitizationHarness.start(4393, { LOG_LEVEL: 'debug' });
  });
  afterAll(() => h?.stop());

  it('logs none of the marker after bad document and result intakes', async () => {
    const facts = dossierFacts(agency, newApplicantKey());
    const upload = await h.upload<{ sha256: string }>(
      samplePdf({ marker: `${marker} ${personalId}` }),
      'application/pdf',
      '',
      desk,
    );
    expect(upload.status).toBe(201);
    const document = {
      dossierId: facts.dossierId,
      dossierCode: facts.dossierCode,
      applicantKey: facts.applicantKey,
      documentCode: 'GP',
      fileSha256: upload.body.sha256,
      filename: `${marker} ${personalId}.pdf`,
    };
    const result = {
      dossierId: facts.dossierId,
      dossierCode: facts.dossierCode,
      applicantKey: facts.applicantKey,
      procedureCode: facts.procedureCode,
      resultType: 'license',
      number: `GP-${randomUUID().slice(0, 8)}`,
      issuedOn: vietnamDay(),
      issuingAgencyCode: agency,
      issuingAgencyName: `${marker} ${personalId}`,
      electronic: false,
    };
    const statuses = [
      (await h.json('POST', '/documents', { ...document, filename: `../${marker}.pdf` }, desk))
        .status,
      (await h.json('POST', '/documents', { ...document, filename: `${marker}\u0000.pdf` }, desk))
        .status,
      (await h.json('POST', '/documents', { ...document, fileSha256: 'f'.repeat(64) }, desk))
        .status,
      (await h.json('POST', '/results', { ...result, issuingAgencyName: `${marker}\u0000` }, desk))
        .status,
      // An officer of another agency issuing in this agency's name: 403 agency-scope.
      (await h.json('POST', '/results', { ...result, issuingAgencyName: marker }, elsewhere))
        .status,
    ];
    // A dossier the events told of is outside the other agency's scope: 404.
    await h.db.query(
      `INSERT INTO dossier_copy (dossier_id, dossier_code, agency_code, procedure_code, applicant_key, portal_status, documents, handling_units, updated_at)
       VALUES ($1, $2, $3, $4, $5, 2, '[]'::jsonb, ARRAY['VP.MC'], now())`,
      [facts.dossierId, facts.dossierCode, agency, facts.procedureCode, facts.applicantKey],
    );
    statuses.push((await h.json('POST', '/documents', document, elsewhere)).status);
    expect(statuses.every((status) => status >= 400)).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining([400, 403, 404, 422]));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the logger writes asynchronously
    const lines = h.service.logs.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).not.toContain('Dấuvết');
    expect(lines).not.toContain(personalId);
  });
});
