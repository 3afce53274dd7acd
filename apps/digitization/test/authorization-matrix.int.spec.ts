import { randomUUID } from 'node:crypto';
import type { MatrixRow } from '@motcua/auth';
import { UNDOCUMENTED_HEALTH_ROUTES } from '@motcua/http';
import {
  clientAs,
  principalOf,
  runAuthorizationMatrix,
  type MatrixAnswer,
  type MatrixScope,
} from '@motcua/testing';
import { samplePdf } from './support/sample-files';
import { digitizationAccessMatrix } from '../src/scope/digitization.access-matrix';
import { DigitizationHarness, type Caller } from './digitization-harness';
import { dossierFacts, newApplicantKey, testAgency, vietnamDay } from './dossier-fixtures';

/**
 * The authorization matrix of the digitization service (generated from the routes' @Roles), every
 * row run against the service process: each route × role × a principal inside and outside the scope
 * of the fixture dossier (its agency, its handling units VP.MC and P.QLG) and of its result.
 */
describe('digitization authorization matrix', () => {
  let h: DigitizationHarness;
  const agency = testAgency();
  // Out of scope: another agency; a specialist of another agency and unit (a result is the whole agency's).
  const AT: MatrixScope = {
    agency,
    unit: 'P.QLG',
    otherAgency: '000.00.99.H99',
    otherUnit: 'P.KHAC',
    specialistOut: 'agency',
  };
  const desk: Caller = { role: 'desk_officer', unit: 'VP.MC', agency };
  let sha256: string;

  beforeAll(async () => {
    h = await DigitizationHarness.start(4396);
    const upload = await h.upload<{ sha256: string }>(
      samplePdf({ marker: `matrix-${randomUUID()}` }),
      'application/pdf',
      '',
      desk,
    );
    expect(upload.status).toBe(201);
    sha256 = upload.body.sha256;
  });
  afterAll(() => h?.stop());

  /** A dossier the events told of (its copy), with a digitized document and an issued result of its agency. */
  async function fixture() {
    const facts = dossierFacts(agency, newApplicantKey());
    await h.db.query(
      `INSERT INTO dossier_copy (dossier_id, dossier_code, agency_code, procedure_code, applicant_key, portal_status,
         received_at, documents, handling_units, updated_at)
       VALUES ($1, $2, $3, $4, $5, 2, now(), $6::jsonb, $7, now())`,
      [
        facts.dossierId,
        facts.dossierCode,
        agency,
        facts.procedureCode,
        facts.applicantKey,
        JSON.stringify([{ code: 'GP', digitized: false, reused: false }]),
        ['VP.MC', 'P.QLG'],
      ],
    );
    const document = await h.json<{ id: string }>('POST', '/documents', documentBody(facts), desk);
    expect(document.status).toBe(201);
    const result = await h.json<{ id: string; accessSecret: string }>(
      'POST',
      '/results',
      resultBody(facts),
      desk,
    );
    expect(result.status).toBe(201);
    return {
      facts,
      documentId: document.body.id,
      resultId: result.body.id,
      secret: result.body.accessSecret,
    };
  }

  const documentBody = (facts: ReturnType<typeof dossierFacts>) => ({
    dossierId: facts.dossierId,
    dossierCode: facts.dossierCode,
    applicantKey: facts.applicantKey,
    documentCode: 'GP',
    fileSha256: sha256,
    filename: 'giay-phep.pdf',
  });
  const resultBody = (facts: ReturnType<typeof dossierFacts>) => ({
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
    fileSha256: sha256,
    filename: 'ket-qua.pdf',
  });

  async function call(row: MatrixRow): Promise<MatrixAnswer> {
    const client = await clientAs(h.service.url, principalOf(row.role, row.scope, AT));
    const send = async (method: string, path: string, body?: unknown) =>
      (await client(method, path, body)).status;
    switch (`${row.method} ${row.path}`) {
      case 'GET /health':
      case 'GET /health/ready':
      case 'GET /health/live':
        return send('GET', row.path);
      case 'POST /files':
        return (
          await client('POST', '/files', samplePdf({ marker: randomUUID() }), {
            'content-type': 'application/pdf',
          })
        ).status;
      case 'POST /documents': {
        const { facts } = await fixture();
        return send('POST', '/documents', { ...documentBody(facts), documentCode: 'GP2' });
      }
      case 'GET /documents':
        return send('GET', `/documents?dossierId=${(await fixture()).facts.dossierId}`);
      case 'GET /documents/{id}/file':
        return send('GET', `/documents/${(await fixture()).documentId}/file`);
      case 'POST /results':
        return send('POST', '/results', resultBody((await fixture()).facts));
      case 'POST /results/{id}/revocation':
        return send('POST', `/results/${(await fixture()).resultId}/revocation`, {
          revokedOn: vietnamDay(),
          reason: 'Thu hồi theo quyết định',
        });
      case 'GET /results':
        return send('GET', `/results?dossierId=${(await fixture()).facts.dossierId}`);
      case 'GET /results/{id}/file':
        return send('GET', `/results/${(await fixture()).resultId}/file`);
      case 'POST /public/result-downloads': {
        const f = await fixture();
        return send('POST', row.path, { dossierCode: f.facts.dossierCode, secret: f.secret });
      }
      case 'GET /reuse-offers':
        return send('GET', `/reuse-offers?applicantKey=${newApplicantKey()}`);
      case 'GET /dossiers/{dossierId}/reuse-offers':
        return send('GET', `/dossiers/${(await fixture()).facts.dossierId}/reuse-offers`);
      case 'POST /dossiers/{dossierId}/reuses':
        // Through authorization, an unknown source is refused by the domain (422).
        return send('POST', `/dossiers/${(await fixture()).facts.dossierId}/reuses`, {
          documentCode: 'GP',
          source: { kind: 'result', id: randomUUID() },
        });
      case 'GET /rates':
        return send('GET', `/rates?agencyCode=${agency}&from=${vietnamDay()}&to=${vietnamDay()}`);
      case 'GET /access-log':
        return send('GET', '/access-log?limit=5');
      default:
        throw new Error(`no request for ${row.method} ${row.path}`);
    }
  }

  runAuthorizationMatrix({
    service: 'digitization',
    rows: digitizationAccessMatrix,
    url: () => h.service.url,
    call,
    undocumented: UNDOCUMENTED_HEALTH_ROUTES,
    markdownContains: [
      '| `GET /documents/{id}/file` | desk_officer | ✔ | 404 |',
      '| `POST /results` | desk_officer | ✔ | 403 |',
    ],
  });
});
