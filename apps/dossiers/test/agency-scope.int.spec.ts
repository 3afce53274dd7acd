import { randomUUID } from 'node:crypto';
import { mintTestToken, startService, waitFor, type RunningService } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/**
 * The agency tree goes from the catalog to the dossiers service over Kafka, and the scope rules use
 * it: the public administration centre receives for the department; another department, and
 * another applicant, see nothing of the dossier (404) and change nothing.
 */
describe('agency tree → dossier scope', () => {
  const h = new DossiersHarness();
  let catalog: RunningService;
  let procedure: TestProcedure;
  const prefix = randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase();
  const province = `${prefix}.00.00.H26`;
  const centre = `${prefix}.00.31.H26`;
  const otherDepartment = `${prefix}.00.16.H26`;

  beforeAll(async () => {
    [catalog] = await Promise.all([startService('catalog', 4316), h.start(4317)]);
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(async () => {
    await catalog?.stop();
    await h.stop();
  });

  const tree = (receivesFor: string[]) => ({
    provinceCode: province,
    nodes: [
      { kind: 'province', code: province, name: 'UBND tỉnh' },
      {
        kind: 'department',
        code: procedure.agencyCode,
        name: 'Sở Tài chính',
        parentCode: province,
      },
      { kind: 'department', code: otherDepartment, name: 'Sở Xây dựng', parentCode: province },
      {
        kind: 'centre',
        code: centre,
        name: 'Trung tâm Phục vụ hành chính công',
        parentCode: province,
        receivesFor,
      },
      { kind: 'unit', code: 'P.QLG', name: 'Phòng Quản lý giá', parentCode: procedure.agencyCode },
    ],
  });
  async function putTree(body: unknown, role: 'admin' | 'leader' = 'admin') {
    const token = await mintTestToken({
      subject: `${role}-1`,
      roles: [role],
      agency: procedure.agencyCode,
    });
    const response = await fetch(`${catalog.url}/agency-tree`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { version?: number; errors?: { field: string }[] },
    };
  }

  it('publishes the tree from the catalog; the centre then acts for the department, nobody else does', async () => {
    expect((await putTree(tree([procedure.agencyCode]), 'leader')).status).toBe(403);
    const broken = await putTree(tree(['ZZZ.00.99.H26']));
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.map((e) => e.field)).toEqual(['nodes.3.receivesFor']);
    const stored = await putTree(tree([procedure.agencyCode]));
    expect(stored).toMatchObject({ status: 200, body: { version: 1 } });
    expect(
      (
        (await (await fetch(`${catalog.url}/agency-tree/${province}`)).json()) as {
          version: number;
        }
      ).version,
    ).toBe(1);
    await waitFor(
      'the agency tree copy',
      async () => {
        const { rows } = await h.db.query(
          `SELECT version FROM agency_tree_copy WHERE province_code = $1`,
          [province],
        );
        return rows[0]?.version === 1 ? true : undefined;
      },
      30000,
    );

    const atCentre = { agency: centre, unit: 'VP.MC' };
    const received = await h.request('POST', '/dossiers', {
      role: 'desk_officer',
      ...atCentre,
      body: intakeBody(procedure),
    });
    expect(received.status).toBe(201);
    const id: string = received.body.dossier.id;
    const refused = await h.request('POST', '/dossiers', {
      role: 'desk_officer',
      agency: otherDepartment,
      unit: 'VP.MC',
      body: intakeBody(procedure),
    });
    expect({ status: refused.status, type: refused.body.type }).toEqual({
      status: 403,
      type: expect.stringContaining('agency-scope'),
    });

    expect(
      (await h.request('GET', `/dossiers/${id}`, { role: 'leader', ...atCentre })).status,
    ).toBe(200);
    const hidden = await h.request('GET', `/dossiers/${id}`, {
      role: 'desk_officer',
      agency: otherDepartment,
    });
    const missing = await h.request('GET', `/dossiers/${randomUUID()}`, {
      role: 'desk_officer',
      agency: otherDepartment,
    });
    expect({ status: hidden.status, type: hidden.body.type, title: hidden.body.title }).toEqual({
      status: 404,
      type: missing.body.type,
      title: missing.body.title,
    });
    expect(hidden.contentType).toContain('application/problem+json');
    expect(
      (
        await h.download(`/dossiers/${id}/slips/receipt`, {
          role: 'desk_officer',
          agency: otherDepartment,
        })
      ).status,
    ).toBe(404);
    expect(
      (await h.download(`/dossiers/${id}/slips/receipt`, { role: 'desk_officer', agency: centre }))
        .status,
    ).toBe(200);
    const year = new Date().getFullYear();
    expect(
      (
        await h.download(`/tracking-book?agencyCode=${procedure.agencyCode}&year=${year}`, {
          role: 'leader',
          agency: centre,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.download(`/tracking-book?agencyCode=${procedure.agencyCode}&year=${year}`, {
          role: 'leader',
          agency: otherDepartment,
        })
      ).status,
    ).toBe(403);

    const assigned = await h.request('POST', `/dossiers/${id}/actions/assign`, {
      role: 'desk_officer',
      agency: otherDepartment,
      body: { officerId: randomUUID() },
    });
    expect(assigned.status).toBe(404);
    const { rows } = await h.db.query(
      `SELECT status, (SELECT count(*)::int FROM dossier_action_log WHERE dossier_id = $1) AS actions FROM dossier WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ status: 'received', actions: 1 });
  });

  it('keeps another citizen away from an applicant’s dossier: supplement-received answers 404 and the clock stays', async () => {
    const own = await h.request('POST', '/dossiers', {
      role: 'citizen',
      subject: 'citizen-a',
      body: intakeBody(procedure, { channel: 'online' }),
    });
    expect(own.status).toBe(201);
    const id: string = own.body.dossier.id;
    const asked = await h.request('POST', `/dossiers/${id}/actions/request-supplement`, {
      role: 'desk_officer',
      agency: procedure.agencyCode,
      body: { missing: [{ description: 'Thiếu phương án giá' }] },
    });
    expect(asked.body.status).toBe('supplement_requested');
    const foreign = await h.request('POST', `/dossiers/${id}/actions/supplement-received`, {
      role: 'citizen',
      subject: 'citizen-b',
      body: { documents: [{ code: 'PAG' }] },
    });
    expect(foreign.status).toBe(404);
    expect(
      (await h.request('GET', `/dossiers/${id}`, { role: 'citizen', subject: 'citizen-b' })).status,
    ).toBe(404);
    const mine = await h.request('GET', `/dossiers/${id}`, {
      role: 'citizen',
      subject: 'citizen-a',
    });
    expect({ status: mine.status, dossier: mine.body.status }).toEqual({
      status: 200,
      dossier: 'supplement_requested',
    });
  });
});
