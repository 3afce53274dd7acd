import { Client } from 'pg';
import type { MatrixRow } from '@motcua/auth';
import { UNDOCUMENTED_HEALTH_ROUTES } from '@motcua/http';
import {
  clientAs,
  mintTestToken,
  principalOf,
  runAuthorizationMatrix,
  startService,
  testEnv,
  type MatrixAnswer,
  type MatrixScope,
  type RunningService,
} from '@motcua/testing';
import { reportingAccessMatrix } from '../src/scope/reporting.access-matrix';
import { uniqueAgency } from './fixtures';

/**
 * The authorization matrix of the reporting service (generated from the routes' @Roles/@Public),
 * every row run against the service process: the public figures for everyone, the administrator's
 * projection routes, and the report export of an agency for its own officers (another agency's
 * officers: 403 agency-scope; admin: any).
 */
describe('reporting authorization matrix', () => {
  let service: RunningService;
  const AT: MatrixScope = {
    agency: uniqueAgency(),
    unit: 'P.TH',
    otherAgency: '000.00.99.H99',
    otherUnit: 'P.KHAC',
    specialistOut: 'agency',
  };
  const year = new Date().getFullYear();

  beforeAll(async () => {
    service = await startService('reporting', 4398);
  });
  afterAll(async () => {
    await service?.stop();
    // The administrator's row started a rebuild: retire it, so that no later run of the service
    // replays every topic to finish it (the rebuild itself is tested in rebuild.int.spec.ts).
    const db = new Client({ connectionString: testEnv.databaseUrl('reporting') });
    await db.connect();
    await db.query(
      `UPDATE projection_generation SET status = 'retired', retired_at = now() WHERE status = 'building'`,
    );
    await db.end();
  });

  /** The status of a streamed answer (server-sent events never end): read the head, then hang up. */
  async function streamStatus(row: MatrixRow, path: string): Promise<number> {
    const token = await mintTestToken(principalOf(row.role, row.scope, AT));
    const abort = new AbortController();
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    abort.abort();
    return response.status;
  }

  async function call(row: MatrixRow): Promise<MatrixAnswer> {
    const client = await clientAs(service.url, principalOf(row.role, row.scope, AT));
    const get = async (path: string) => (await client('GET', path)).status;
    switch (`${row.method} ${row.path}`) {
      case 'GET /figures/{name}':
        return get(`/figures/received?period=year&date=${year}-01-01`);
      case 'GET /dashboard/events':
        return streamStatus(row, '/dashboard/events');
      case 'POST /admin/projections/rebuild': {
        // A rebuild already under way answers 409: through authorization all the same.
        return (await client('POST', row.path)).status;
      }
      case 'GET /reports':
        return get(`/reports?kind=yearly&year=${year}&agency=${AT.agency}&format=xlsx`);
      default:
        if (row.method !== 'GET') throw new Error(`no request for ${row.method} ${row.path}`);
        return get(row.path);
    }
  }

  runAuthorizationMatrix({
    service: 'reporting',
    rows: reportingAccessMatrix,
    url: () => service.url,
    call,
    // The page's script and style are left out of the OpenAPI document (static assets).
    undocumented: [
      ...UNDOCUMENTED_HEALTH_ROUTES,
      'GET /dashboard/dashboard.js',
      'GET /dashboard/dashboard.css',
    ],
    markdownContains: ['| `GET /reports` | leader | ✔ | 403 |'],
  });

  it('keeps a province-wide report to province-wide roles: an agency’s leader names its agency', async () => {
    const leader = await clientAs(service.url, principalOf('leader', 'in', AT));
    const provinceWide = await leader('GET', `/reports?kind=yearly&year=${year}&format=xlsx`);
    expect(provinceWide.status).toBe(403);
    expect(provinceWide.body).toMatchObject({
      type: expect.stringContaining('agency-scope'),
      errors: [{ field: 'agency', rule: 'agency-scope' }],
    });
    const admin = await clientAs(service.url, principalOf('admin', 'in', AT));
    expect((await admin('GET', `/reports?kind=yearly&year=${year}&format=xlsx`)).status).toBe(200);
  }, 120_000);
});
