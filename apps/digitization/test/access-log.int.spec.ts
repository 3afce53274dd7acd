import { randomUUID } from 'node:crypto';
import { samplePdf } from './support/sample-files';
import { DigitizationHarness, type Caller } from './digitization-harness';
import { dossierFacts, newApplicantKey, testAgency, vietnamDay } from './dossier-fixtures';

/** The access log of personal data in the digitization service: document and result reads and downloads. */
describe('digitization access log', () => {
  let h: DigitizationHarness;
  const agency = testAgency();
  const desk: Caller = { role: 'desk_officer', unit: 'VP.MC', agency };

  beforeAll(async () => {
    h = await DigitizationHarness.start(4394);
  });
  afterAll(() => h?.stop());

  it('records who listed and downloaded a document and a result; a refused download is not an access', async () => {
    const facts = dossierFacts(agency, newApplicantKey());
    const upload = await h.upload<{ sha256: string }>(
      samplePdf({ marker: randomUUID() }),
      'application/pdf',
      '',
      desk,
    );
    const document = await h.json<{ id: string }>(
      'POST',
      '/documents',
      {
        dossierId: facts.dossierId,
        dossierCode: facts.dossierCode,
        applicantKey: facts.applicantKey,
        documentCode: 'GP',
        fileSha256: upload.body.sha256,
        filename: 'giay-phep.pdf',
      },
      desk,
    );
    const result = await h.json<{ id: string }>(
      'POST',
      '/results',
      {
        dossierId: facts.dossierId,
        dossierCode: facts.dossierCode,
        applicantKey: facts.applicantKey,
        procedureCode: facts.procedureCode,
        resultType: 'license',
        number: `GP-${randomUUID().slice(0, 8)}`,
        issuedOn: vietnamDay(),
        issuingAgencyCode: agency,
        issuingAgencyName: 'Sở Tài chính',
        electronic: false,
        fileSha256: upload.body.sha256,
        filename: 'ket-qua.pdf',
      },
      desk,
    );
    expect([document.status, result.status]).toEqual([201, 201]);
    const reader: Caller = {
      role: 'leader',
      unit: 'BLD',
      agency,
      subject: `leader-${randomUUID()}`,
    };
    expect(
      (await h.json('GET', `/documents?dossierId=${facts.dossierId}`, undefined, reader)).status,
    ).toBe(200);
    expect((await h.download(`/documents/${document.body.id}/file`, reader)).status).toBe(200);
    expect((await h.download(`/results/${result.body.id}/file`, reader)).status).toBe(200);
    expect(
      (
        await h.download(`/results/${result.body.id}/file`, {
          ...reader,
          agency: '000.00.99.H99',
          subject: 'elsewhere',
        })
      ).status,
    ).toBe(404);

    const auditor: Caller = { role: 'auditor' };
    const rows = async (objectId: string) =>
      (
        await h.json<{ items: Record<string, unknown>[] }>(
          'GET',
          `/access-log?objectId=${objectId}`,
          undefined,
          auditor,
        )
      ).body.items.map((r) => ({ actor: r.actorSubject, kind: r.objectKind, route: r.route }));
    // The file download is logged once the file is sent: a moment after the client has it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rows(document.body.id)).toEqual([
      { actor: reader.subject, kind: 'document', route: 'GET /documents/:id/file' },
      { actor: reader.subject, kind: 'document', route: 'GET /documents' },
    ]);
    expect(await rows(result.body.id)).toEqual([
      { actor: reader.subject, kind: 'result', route: 'GET /results/:id/file' },
    ]);
  });
});
