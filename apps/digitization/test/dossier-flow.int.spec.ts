import { createHash } from 'node:crypto';
import { dossierProcessed, dossierReceived } from '@motcua/contracts';
import { demoSignedPdf } from '@motcua/stack';
import { waitFor } from '@motcua/testing';
import { samplePdf } from './support/sample-files';
import { DigitizationHarness, type Caller, type Problem } from './digitization-harness';
import {
  dossierFacts,
  newApplicantKey,
  processed,
  received,
  testAgency,
  vietnamDay,
  type Facts,
} from './dossier-fixtures';

type Offer = { kind: string; id: string; documentCode: string; fromDossierId: string };

/**
 * A dossier's papers and result digitized, a second dossier of the same applicant reusing the
 * result, the rates computed from the dossier events, then revocation taking the result out.
 * Dossier events are published on the real topic, as the dossiers service would.
 */
describe('digitization of a dossier flow (black box, real Kafka and PostgreSQL)', () => {
  let harness: DigitizationHarness;
  const agency = testAgency();
  const applicantKey = newApplicantKey();
  const desk: Caller = { role: 'desk_officer', unit: 'VP.MC', agency };
  const specialist: Caller = { role: 'specialist', unit: 'P.QLG', agency };
  const outsider: Caller = { role: 'specialist', unit: 'P.KHAC', agency };
  let first: Facts;
  let second: Facts;
  const scan = samplePdf({ marker: `scan-${Date.now()}`, pages: 2 });
  const signed = demoSignedPdf(`result-${Date.now()}`);
  const resultNumber = `${Math.floor(Math.random() * 1e6)}/GP-STC`;
  let documentId: string;
  let resultId: string;
  let accessSecret: string;

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4502);
    await harness.listen();
    first = dossierFacts(agency, applicantKey);
    await harness.publish(dossierReceived, received(first, ['BDKG', 'GPKD']));
    await waitFor(
      'first dossier copy',
      async () =>
        (
          await harness.db.query('SELECT 1 FROM dossier_copy WHERE dossier_id = $1', [
            first.dossierId,
          ])
        ).rows[0],
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('digitizes a paper of the dossier and publishes document.digitized', async () => {
    const upload = await harness.upload<{ sha256: string }>(scan, 'application/pdf', '', desk);
    expect(upload.status).toBe(201);
    const reply = await harness.json<{ id: string; pages: number; replayed: boolean }>(
      'POST',
      '/documents',
      {
        dossierId: first.dossierId,
        dossierCode: first.dossierCode,
        applicantKey,
        documentCode: 'BDKG',
        fileSha256: upload.body.sha256,
        filename: 'Biểu mẫu đăng ký giá.pdf',
      },
      desk,
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ pages: 2, replayed: false });
    documentId = reply.body.id;
    const event = await harness.event(
      'motcua.document.digitized.v1',
      (data) => data.documentId === documentId,
    );
    expect(event.data).toMatchObject({
      dossierId: first.dossierId,
      documentCode: 'BDKG',
      pages: 2,
      checksumSha256: createHash('sha256').update(scan).digest('hex'),
      digitizedBy: { unitCode: 'VP.MC' },
    });
    expect(JSON.stringify(event.data)).not.toContain('Biểu mẫu');
  });

  it('refuses a record whose applicant disagrees with the dossier events', async () => {
    const upload = await harness.upload<{ sha256: string }>(scan, 'application/pdf', '', desk);
    const reply = await harness.json<Problem>(
      'POST',
      '/documents',
      {
        dossierId: first.dossierId,
        dossierCode: first.dossierCode,
        applicantKey: newApplicantKey(),
        documentCode: 'BDKG',
        fileSha256: upload.body.sha256,
        filename: 'x.pdf',
      },
      desk,
    );
    expect(reply.status).toBe(409);
    expect(reply.body.errors?.[0].field).toBe('applicantKey');
  });

  it('issues an electronic result from a signed PDF and publishes result.issued', async () => {
    const upload = await harness.upload<{ sha256: string; signed: boolean }>(
      signed,
      'application/pdf',
      '?kind=signed-pdf',
      specialist,
    );
    expect(upload.body.signed).toBe(true);
    const reply = await harness.json<{ id: string; accessSecret: string; digitized: boolean }>(
      'POST',
      '/results',
      {
        dossierId: first.dossierId,
        dossierCode: first.dossierCode,
        applicantKey,
        procedureCode: '1.005432',
        resultType: 'license',
        reuseCode: 'GPKD',
        number: resultNumber,
        issuedOn: vietnamDay(),
        validUntil: vietnamDay(365),
        issuingAgencyCode: agency,
        issuingAgencyName: 'Sở Tài chính (thử)',
        electronic: true,
        fileSha256: upload.body.sha256,
        filename: 'Giấy phép.pdf',
      },
      specialist,
    );
    expect({ status: reply.status, body: reply.status === 201 ? undefined : reply.body }).toEqual({
      status: 201,
      body: undefined,
    });
    expect(reply.body.digitized).toBe(true);
    expect(reply.body.accessSecret.length).toBeGreaterThanOrEqual(20);
    ({ id: resultId, accessSecret } = reply.body);
    const event = await harness.event(
      'motcua.result.issued.v1',
      (data) => data.resultId === resultId,
    );
    expect(event.data).toMatchObject({
      number: resultNumber,
      electronic: true,
      validUntil: vietnamDay(365),
    });
    const { rows } = await harness.db.query(
      'SELECT access_secret_hash FROM digitized_result WHERE id = $1',
      [resultId],
    );
    expect(rows[0].access_secret_hash).not.toContain(accessSecret);
    await harness.publish(dossierProcessed, processed(first));
  });

  it('an electronic result without a signature is refused', async () => {
    const upload = await harness.upload<{ sha256: string }>(
      scan,
      'application/pdf',
      '',
      specialist,
    );
    const reply = await harness.json<Problem>(
      'POST',
      '/results',
      {
        dossierId: first.dossierId,
        dossierCode: first.dossierCode,
        applicantKey,
        procedureCode: '1.005432',
        resultType: 'license',
        number: `${resultNumber}-B`,
        issuedOn: vietnamDay(),
        issuingAgencyCode: agency,
        issuingAgencyName: 'Sở Tài chính',
        electronic: true,
        fileSha256: upload.body.sha256,
        filename: 'x.pdf',
      },
      specialist,
    );
    expect(reply.status).toBe(422);
    expect(reply.body.type).toContain('signature-missing');
  });

  it('serves downloads in the dossier’s scope only, as attachments with their type and nosniff', async () => {
    const own = await harness.download(`/documents/${documentId}/file`, desk);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Bieu_mau_dang_ky_gia.pdf"; filename\*=UTF-8''/,
    );
    expect(own.bytes.equals(scan)).toBe(true);
    expect((await harness.download(`/results/${resultId}/file`, desk)).bytes.equals(signed)).toBe(
      true,
    );
    expect((await harness.download(`/documents/${documentId}/file`, specialist)).status).toBe(200);
    // A specialist of a unit without a step on the dossier: the document does not exist for them.
    expect((await harness.download(`/documents/${documentId}/file`, outsider)).status).toBe(404);
    // Another agency's officer: the result does not exist for them.
    expect(
      (await harness.download(`/results/${resultId}/file`, { ...desk, agency: '000.00.99.H99' }))
        .status,
    ).toBe(404);
    const listed = await harness.json<{ id: string }[]>(
      'GET',
      `/documents?dossierId=${first.dossierId}`,
      undefined,
      specialist,
    );
    expect(listed.body.map((d) => d.id)).toContain(documentId);
    const hidden = await harness.json<Problem>(
      'GET',
      `/documents?dossierId=${first.dossierId}`,
      undefined,
      outsider,
    );
    expect({ status: hidden.status, type: hidden.body.type }).toEqual({
      status: 404,
      type: expect.stringContaining('dossier-not-found'),
    });
  });

  it('lets the applicant download the result with the dossier code and the access secret, nothing else', async () => {
    const ok = await harness.download('/public/result-downloads', undefined, {
      dossierCode: first.dossierCode,
      secret: accessSecret,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('attachment;');
    expect(ok.bytes.equals(signed)).toBe(true);
    const wrong = await harness.download('/public/result-downloads', undefined, {
      dossierCode: first.dossierCode,
      secret: 'x'.repeat(24),
    });
    expect(wrong.status).toBe(404);
  });

  it('offers the valid result to a second dossier of the same applicant and records the reuse', async () => {
    second = dossierFacts(agency, applicantKey);
    await harness.publish(dossierReceived, received(second, ['GPKD']));
    const offers = await waitFor('offers for the second dossier', async () => {
      const reply = await harness.json<{ slots: { documentCode: string; offers: Offer[] }[] }>(
        'GET',
        `/dossiers/${second.dossierId}/reuse-offers`,
        undefined,
        desk,
      );
      return reply.status === 200 ? reply.body : undefined;
    });
    expect(offers.slots).toEqual([
      {
        documentCode: 'GPKD',
        offers: [
          expect.objectContaining({ kind: 'result', id: resultId, fromDossierId: first.dossierId }),
        ],
      },
    ]);

    const accepted = await harness.json(
      'POST',
      `/dossiers/${second.dossierId}/reuses`,
      { documentCode: 'GPKD', source: { kind: 'result', id: resultId } },
      desk,
    );
    expect(accepted.status).toBe(201);
    const event = await harness.event(
      'motcua.document.reused.v1',
      (data) => data.dossierId === second.dossierId,
    );
    expect(event.data).toMatchObject({
      applicantKey,
      documentCode: 'GPKD',
      source: { kind: 'result', id: resultId, fromDossierId: first.dossierId },
    });
    const again = await harness.json<Problem>(
      'POST',
      `/dossiers/${second.dossierId}/reuses`,
      { documentCode: 'GPKD', source: { kind: 'result', id: resultId } },
      desk,
    );
    expect(again.status).toBe(409);
  });

  it('does not offer another applicant’s items', async () => {
    const reply = await harness.json<Offer[]>(
      'GET',
      `/reuse-offers?applicantKey=${newApplicantKey()}&documentCode=GPKD`,
      undefined,
      desk,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([]);
  });

  it('computes the rates of the agency from the dossier events and its own records', async () => {
    await waitFor(
      'dossier.processed consumed',
      async () =>
        (
          await harness.db.query(
            'SELECT 1 FROM dossier_copy WHERE dossier_id = $1 AND processed_at IS NOT NULL',
            [first.dossierId],
          )
        ).rows[0],
    );
    const reply = await harness.json<
      Record<
        string,
        { numerator: number; denominator: number; rate: number | null; meetsTarget?: boolean }
      >
    >(
      'GET',
      `/rates?agencyCode=${agency}&from=${vietnamDay(-1)}&to=${vietnamDay(1)}`,
      undefined,
      specialist,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.receivedWithDigitizedComponents).toEqual({
      numerator: 1,
      denominator: 2,
      rate: 0.5,
    });
    expect(reply.body.validResultsDigitized).toMatchObject({
      numerator: 1,
      denominator: 1,
      rate: 1,
      meetsTarget: true,
    });
    expect(reply.body.documentsReused).toEqual({ numerator: 1, denominator: 3, rate: 0.3333 });
    const other = await harness.json<Problem>(
      'GET',
      `/rates?agencyCode=000.00.99.H99&from=${vietnamDay()}&to=${vietnamDay()}`,
      undefined,
      specialist,
    );
    expect({ status: other.status, type: other.body.type }).toEqual({
      status: 403,
      type: expect.stringContaining('agency-scope'),
    });
  });

  it('keeps another agency’s officers off a result: no revocation, no issuing in its name, not listed', async () => {
    const elsewhere = { ...specialist, agency: '000.00.99.H99' };
    const revocation = await harness.json<Problem>(
      'POST',
      `/results/${resultId}/revocation`,
      { revokedOn: vietnamDay(), reason: 'Thử thu hồi chéo' },
      elsewhere,
    );
    expect({ status: revocation.status, type: revocation.body.type }).toEqual({
      status: 404,
      type: expect.stringContaining('result-not-found'),
    });
    const { rows } = await harness.db.query(
      'SELECT revoked_on FROM digitized_result WHERE id = $1',
      [resultId],
    );
    expect(rows[0].revoked_on).toBeNull();
    const issued = await harness.json<Problem>(
      'POST',
      '/results',
      {
        dossierId: first.dossierId,
        dossierCode: first.dossierCode,
        applicantKey,
        procedureCode: '1.005432',
        resultType: 'license',
        number: `${resultNumber}-H99`,
        issuedOn: vietnamDay(),
        issuingAgencyCode: agency,
        issuingAgencyName: 'Sở Tài chính',
        electronic: false,
      },
      { ...desk, agency: '000.00.99.H99' },
    );
    expect({
      status: issued.status,
      type: issued.body.type,
      field: issued.body.errors?.[0].field,
    }).toEqual({
      status: 403,
      type: expect.stringContaining('agency-scope'),
      field: 'issuingAgencyCode',
    });
    // The dossier is another agency's: its results are not listed, the dossier does not exist for them.
    const listed = await harness.json<Problem>(
      'GET',
      `/results?dossierId=${first.dossierId}`,
      undefined,
      { ...desk, agency: '000.00.99.H99' },
    );
    expect(listed.status).toBe(404);
    expect(
      (
        await harness.json<{ id: string }[]>(
          'GET',
          `/results?dossierId=${first.dossierId}`,
          undefined,
          desk,
        )
      ).body.map((r) => r.id),
    ).toContain(resultId);
  });

  it('takes a revoked result out of reuse and out of the valid results', async () => {
    const revoked = await harness.json(
      'POST',
      `/results/${resultId}/revocation`,
      { revokedOn: vietnamDay(), reason: 'Doanh nghiệp đã giải thể', decisionNumber: '56/QĐ-STC' },
      { ...specialist, role: 'leader' },
    );
    expect(revoked.status).toBe(200);
    const event = await harness.event(
      'motcua.result.revoked.v1',
      (data) => data.resultId === resultId,
    );
    expect(event.data).toMatchObject({ number: resultNumber, revokingAgencyCode: agency });
    const offers = await harness.json<Offer[]>(
      'GET',
      `/reuse-offers?applicantKey=${applicantKey}&documentCode=GPKD`,
      undefined,
      desk,
    );
    expect(offers.body).toEqual([]);
    const third = dossierFacts(agency, applicantKey);
    const refused = await harness.json<Problem>(
      'POST',
      `/dossiers/${third.dossierId}/reuses`,
      {
        documentCode: 'GPKD',
        source: { kind: 'result', id: resultId },
        dossierCode: third.dossierCode,
        applicantKey,
      },
      desk,
    );
    expect(refused.status).toBe(422);
    const rates = await harness.json<{ validResultsDigitized: { denominator: number } }>(
      'GET',
      `/rates?agencyCode=${agency}&from=${vietnamDay(-1)}&to=${vietnamDay(1)}`,
      undefined,
      specialist,
    );
    expect(rates.body.validResultsDigitized.denominator).toBe(0);
  });

  it('does not offer an expired document, and offers a valid one', async () => {
    const upload = await harness.upload<{ sha256: string }>(
      samplePdf({ marker: `expired-${Date.now()}` }),
      'application/pdf',
      '',
      desk,
    );
    const base = {
      dossierId: first.dossierId,
      dossierCode: first.dossierCode,
      applicantKey,
      fileSha256: upload.body.sha256,
      filename: 'xac-nhan.pdf',
    };
    expect(
      (
        await harness.json(
          'POST',
          '/documents',
          { ...base, documentCode: 'XNCT', validUntil: '2020-01-01' },
          desk,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await harness.json(
          'POST',
          '/documents',
          { ...base, documentCode: 'BCTC', validUntil: vietnamDay(30) },
          desk,
        )
      ).status,
    ).toBe(201);
    const expired = await harness.json<Offer[]>(
      'GET',
      `/reuse-offers?applicantKey=${applicantKey}&documentCode=XNCT`,
      undefined,
      desk,
    );
    expect(expired.body).toEqual([]);
    const valid = await harness.json<Offer[]>(
      'GET',
      `/reuse-offers?applicantKey=${applicantKey}&documentCode=BCTC`,
      undefined,
      desk,
    );
    expect(valid.body).toEqual([
      expect.objectContaining({ kind: 'document', documentCode: 'BCTC' }),
    ]);
  });
});
