import type { MatrixRow } from '@motcua/auth';
import { UNDOCUMENTED_HEALTH_ROUTES } from '@motcua/http';
import {
  clientAs,
  principalOf,
  randomProcedureCode,
  runAuthorizationMatrix,
  type MatrixAnswer,
  type MatrixScope,
} from '@motcua/testing';
import { FEEDBACK_ACTION_TABLE, type FeedbackAction } from '../src/feedback/feedback-actions.table';
import { feedbackAccessMatrix } from '../src/scope/feedback.access-matrix';
import { FeedbackHarness, randomIp, regulationFeedback, unique } from './support/feedback-harness';

const AGENCY = '000.00.15.H26'; // FEEDBACK_AGENCY_CODE of the test service (its default)
/** Feedback belongs to the receiving agency: a specialist of another agency is out of scope. */
const AT: MatrixScope = {
  agency: AGENCY,
  unit: 'VP.KSTT',
  otherAgency: '000.00.99.H99',
  otherUnit: 'P.KHAC',
  specialistOut: 'agency',
};

const BODIES: Record<FeedbackAction, () => unknown> = {
  classify: () => ({ category: 'within_authority' }),
  forward: () => ({ agencyName: 'Sở Tài chính', agencyCode: '000.00.16.H26' }),
  assign: () => ({ unitCode: 'VP.KSTT' }),
  'request-info': () => ({ reason: 'Cần bổ sung số văn bản' }),
  'info-received': () => ({}),
  answer: () => ({ answer: 'Mức lệ phí đã được điều chỉnh theo quy định mới.' }),
  'return-answer': () => ({ reason: 'Cần trích dẫn căn cứ' }),
  approve: () => ({}),
  publish: () => ({}),
};

/**
 * The authorization matrix of the feedback service (generated from the routes' @Roles and the
 * workflow's action table), every row run against the service process: each route × role × a
 * principal inside and outside the item's receiving agency.
 */
describe('feedback authorization matrix', () => {
  const h = new FeedbackHarness();
  const procedureCode = randomProcedureCode();

  beforeAll(() => h.start(4395));
  afterAll(() => h.stop());

  /** An item received by the agency at the desk, moved to `status`, assigned to the in-scope unit. */
  async function fixture(status = 'received') {
    const title = unique('Phản ánh ma trận');
    const logged = await h.request(
      'POST',
      '/feedback',
      { ...regulationFeedback({ title }), channel: 'written' },
      { role: 'desk_officer', unit: AT.unit },
    );
    expect(logged.status).toBe(201);
    const id = logged.body.id as string;
    await h.db.query(
      `UPDATE feedback SET status = $2, assigned_unit = $3, procedure_code = $4 WHERE id = $1`,
      [id, status, AT.unit, procedureCode],
    );
    return {
      id,
      title,
      code: logged.body.code as string,
      token: logged.body.trackingToken as string,
    };
  }

  async function call(row: MatrixRow): Promise<MatrixAnswer> {
    const client = await clientAs(h.service.url, principalOf(row.role, row.scope, AT));
    const send = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => (await client(method, path, body, { 'x-forwarded-for': randomIp(), ...headers })).status;
    const listed = async (path: string, id: string): Promise<MatrixAnswer> => {
      const answer = await client('GET', path, undefined, { 'x-forwarded-for': randomIp() });
      const items = (answer.body as { items?: { id: string }[] }).items ?? [];
      return { status: answer.status, shows: items.some((item) => item.id === id) };
    };
    switch (`${row.method} ${row.path}`) {
      case 'GET /health':
      case 'GET /health/ready':
      case 'GET /health/live':
        return send('GET', row.path);
      case 'POST /public/feedback':
        return send('POST', row.path, regulationFeedback());
      case 'GET /public/feedback/answers':
        return send('GET', `${row.path}?q=${encodeURIComponent('lệ phí')}`);
      case 'GET /public/feedback/answers/{code}':
        // A published answer: the fixture, published.
        return send('GET', `/public/feedback/answers/${(await fixture('published')).code}`);
      case 'GET /public/feedback/{code}': {
        const item = await fixture();
        return send('GET', `/public/feedback/${item.code}`, undefined, {
          'x-tracking-token': item.token,
        });
      }
      case 'POST /public/feedback/{code}/rating': {
        const item = await fixture('published');
        return send(
          'POST',
          `/public/feedback/${item.code}/rating`,
          { satisfaction: 'satisfied' },
          { 'x-tracking-token': item.token },
        );
      }
      case 'POST /feedback':
        return send('POST', row.path, { ...regulationFeedback(), channel: 'phone' });
      case 'GET /feedback': {
        const item = await fixture();
        return listed(`/feedback?title=${encodeURIComponent(item.title)}`, item.id);
      }
      case 'GET /feedback/{id}':
        return send('GET', `/feedback/${(await fixture()).id}`);
      case 'POST /feedback/{id}/actions/{action}': {
        const action = row.variant as FeedbackAction;
        const item = await fixture(FEEDBACK_ACTION_TABLE[action].from[0]);
        return send('POST', `/feedback/${item.id}/actions/${action}`, BODIES[action]());
      }
      case 'GET /procedures/{code}/feedback': {
        const item = await fixture();
        return listed(`/procedures/${procedureCode}/feedback?limit=100`, item.id);
      }
      case 'PUT /feedback/{id}/dossier-link':
        // A well-formed code no dossier has: in scope the rules answer 422 (the role passed).
        return send('PUT', `/feedback/${(await fixture('accepted')).id}/dossier-link`, {
          dossierCode: '000.00.15.H26-250616-9999',
          conduct: false,
        });
      case 'POST /admin/calendar-change/rederive':
        // A dry run limited to an agency without items: it lists, changes nothing.
        return send('POST', row.path, { dryRun: true, agencyCode: '999.00.15.H26' });
      case 'GET /access-log':
        return send('GET', '/access-log?limit=5');
      default:
        throw new Error(`no request for ${row.method} ${row.path}`);
    }
  }

  runAuthorizationMatrix({
    service: 'feedback',
    rows: feedbackAccessMatrix,
    url: () => h.service.url,
    call,
    undocumented: UNDOCUMENTED_HEALTH_ROUTES,
    markdownContains: [
      '| `GET /feedback` | desk_officer | ✔ | not listed |',
      '| `GET /feedback/{id}` | leader | ✔ | 404 |',
      '| `POST /feedback` | desk_officer | ✔ | 403 |',
    ],
  });
});
