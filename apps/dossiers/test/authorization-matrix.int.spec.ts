import { randomUUID } from 'node:crypto';
import type { MatrixRow } from '@motcua/auth';
import { addWorkingDays, toLocalDate } from '@motcua/calendar';
import {
  clientAs,
  principalOf,
  runAuthorizationMatrix,
  type MatrixAnswer,
  type MatrixScope,
} from '@motcua/testing';
import { DOSSIER_ACTION_TABLE, type DossierAction } from '../src/lifecycle/dossier-actions.table';
import { dossiersAccessMatrix } from '../src/scope/dossiers.access-matrix';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** The fixtures' scope: the test procedure's agency, step 2's unit (P.QLG); out of scope: H99, another unit. */
const atScope = (agency: string): MatrixScope => ({
  agency,
  unit: 'P.QLG',
  otherAgency: '000.00.99.H99',
  otherUnit: 'P.KHAC',
});

const BODIES: Record<DossierAction, () => unknown> = {
  assign: () => ({ officerId: randomUUID() }),
  'complete-step': () => ({}),
  'request-supplement': () => ({ missing: [{ description: 'Thiếu bản chính phương án giá' }] }),
  'supplement-received': () => ({ documents: [{ code: 'PAG' }] }),
  extend: () => ({
    newDueDate: addWorkingDays(toLocalDate(new Date()), 30),
    reason: 'Cần xin ý kiến',
  }),
  refuse: () => ({ reasons: ['Không thuộc thẩm quyền'] }),
  'mark-processed': () => ({}),
  'return-result': () => ({ method: 'desk' }),
  withdraw: () => ({}),
  stop: () => ({ reason: 'Dừng theo yêu cầu' }),
  'stop-at-request': () => ({ requestChannel: 'in_person' }),
  // The fixture procedure is not inter-agency: an officer in scope gets through to a 409.
  transfer: () => ({ agencyCodes: ['000.00.12.H26'] }),
  'accept-stage': () => ({}),
  'hand-back': () => ({}),
  'complete-stage-step': () => ({}),
};

/**
 * The authorization matrix of the dossiers service (generated from the routes' @Roles and the
 * lifecycle's action table), every row run against the service process: each route × role × a
 * principal inside and outside the dossier's scope.
 */
describe('dossiers authorization matrix', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;

  beforeAll(async () => {
    await h.start(4309, { PORTAL_WEBHOOK_INTERVAL_MS: '0' });
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(async () => {
    // The subscriptions made here must not receive the other tests' changes.
    await h.db?.query(
      `UPDATE portal_webhook SET deleted_at = now() WHERE url = 'http://127.0.0.1:9/portal-matrix'`,
    );
    await h.stop();
  });

  /** A received dossier of the procedure's agency, moved to `status` at step 2 (P.QLG), submitted by `owner`. */
  async function fixture(status: string, owner: string) {
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const { id, code } = intake.body.dossier;
    await h.db.query(
      `UPDATE dossier SET status = $2, current_step_order = 2, created_by = $3,
      supplement_requested_at = CASE WHEN $2 = 'supplement_requested' THEN now() ELSE NULL END WHERE id = $1`,
      [id, status, owner],
    );
    await h.db.query(
      `UPDATE dossier_step SET status = CASE WHEN "order" = 2 THEN 'active' WHEN "order" < 2 THEN 'completed' ELSE 'pending' END WHERE dossier_id = $1`,
      [id],
    );
    return {
      id: id as string,
      code: code as string,
      secret: intake.body.dossier.lookupSecret as string,
    };
  }

  /**
   * A webhook subscription of the portal client `owner`, starting after every stored change (its
   * receiver is never called: the dispatcher is off here, and the test retires them at the end).
   */
  async function webhookOf(owner: string): Promise<string> {
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO portal_webhook (id, owner_subject, url, secret, cursor_txid, cursor_position)
       VALUES ($1, $2, 'http://127.0.0.1:9/portal-matrix', $3,
               pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, 9223372036854775807)`,
      [id, owner, 'x'.repeat(32)],
    );
    return id;
  }

  async function call(row: MatrixRow): Promise<MatrixAnswer> {
    const at = atScope(procedure.agencyCode);
    const owner = principalOf(row.role, 'in', at).subject;
    const client = await clientAs(h.service.url, principalOf(row.role, row.scope, at));
    const send = async (method: string, path: string, body?: unknown) =>
      (await client(method, path, body)).status;
    switch (`${row.method} ${row.path}`) {
      case 'GET /health':
      case 'GET /health/ready':
      case 'GET /health/live':
        return send('GET', row.path);
      case 'GET /public/dossiers/{code}': {
        const d = await fixture('received', owner);
        return send('GET', `/public/dossiers/${d.code}?secret=${encodeURIComponent(d.secret)}`);
      }
      case 'POST /dossiers': {
        const channel =
          row.role === 'citizen' || row.role === 'portal_client' ? 'online' : 'in_person';
        return send('POST', '/dossiers', intakeBody(procedure, { channel }));
      }
      case 'GET /dossiers/{id}':
        return send('GET', `/dossiers/${(await fixture('received', owner)).id}`);
      case 'POST /dossiers/{id}/actions/{action}': {
        const action = row.variant as DossierAction;
        const d = await fixture(DOSSIER_ACTION_TABLE[action].from[0], owner);
        return send('POST', `/dossiers/${d.id}/actions/${action}`, BODIES[action]());
      }
      case 'POST /dossiers/{id}/evaluation': {
        const d = await fixture('processed', owner);
        return send('POST', `/dossiers/${d.id}/evaluation`, {
          satisfaction: 'satisfied',
          officerConduct: 'proper',
        });
      }
      case 'POST /dossiers/{id}/contacts': {
        const d = await fixture('processing', owner);
        return send('POST', `/dossiers/${d.id}/contacts`, {
          body: 'one_stop_desk',
          bodyName: 'Bộ phận một cửa',
        });
      }
      case 'GET /dossiers/{id}/slips/{kind}':
        return send('GET', `/dossiers/${(await fixture('received', owner)).id}/slips/receipt`);
      case 'POST /admin/calendar-change/rederive':
        // A dry run limited to this test's agency: it lists, changes nothing.
        return send('POST', row.path, { dryRun: true, agencyCode: procedure.agencyCode });
      case 'GET /receiving-desk/dossiers': {
        // A dossier the in-scope desk received and forwarded: listed for it, left out for another agency.
        const { id } = await fixture('processing', owner);
        await h.db.query(`UPDATE dossier SET forwarded_at = received_at WHERE id = $1`, [id]);
        const answer = await client('GET', '/receiving-desk/dossiers?limit=500');
        const items = (answer.body as { items?: { id: string }[] }).items ?? [];
        return { status: answer.status, shows: items.some((item) => item.id === id) };
      }
      case 'GET /access-log':
        return send('GET', '/access-log?limit=5');
      case 'GET /tracking-book':
        return send(
          'GET',
          `/tracking-book?agencyCode=${procedure.agencyCode}&year=${new Date().getFullYear()}`,
        );
      case 'GET /portal/changes':
        return send('GET', '/portal/changes?limit=1');
      case 'POST /portal/webhooks':
        return send('POST', row.path, { url: 'http://127.0.0.1:9/portal-matrix' });
      case 'GET /portal/webhooks':
        return send('GET', row.path);
      case 'DELETE /portal/webhooks/{id}':
        return send('DELETE', `/portal/webhooks/${await webhookOf(owner)}`);
      case 'GET /portal/webhooks/{id}/dead-letters':
        return send('GET', `/portal/webhooks/${await webhookOf(owner)}/dead-letters`);
      case 'POST /portal/webhooks/{id}/redeliver':
        return send('POST', `/portal/webhooks/${await webhookOf(owner)}/redeliver`, {});
      default:
        throw new Error(`no request for ${row.method} ${row.path}`);
    }
  }

  runAuthorizationMatrix({
    service: 'dossiers',
    rows: dossiersAccessMatrix,
    url: () => h.service.url,
    call,
    undocumented: ['GET /health', 'GET /health/ready', 'GET /health/live'],
    markdownContains: [
      '| `POST /dossiers/{id}/actions/{action} (supplement-received)` | citizen | ✔ | 404 |',
    ],
  });
});
