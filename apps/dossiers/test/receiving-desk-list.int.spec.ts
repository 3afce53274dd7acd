import type { Role } from '@motcua/auth';
import {
  DossiersHarness,
  intakeBody,
  planningStage,
  randomProvince,
  testProcedure,
} from './support/dossiers-harness';

type Item = {
  id: string;
  code: string;
  procedureCode: string;
  resolvingAgencyCode: string;
  receivingAgencyCode: string;
  receivedAt: string;
  forwardedAt: string;
  status: string;
  legalDueAt: string | null;
  resultReturnPlace: string | null;
  holders: { agencyCode: string; agencyName: string | null; since: string | null }[];
};

/**
 * The receiving centre follows the whole dossier (docs/inter-agency.md "Receipt at any desk"): a
 * commune's centre receives for two departments, one of them an inter-agency procedure moved to its
 * first stage; GET /receiving-desk/dossiers lists what the centre forwarded, who holds each now and
 * where the result is returned, paged and filtered; an officer of another agency sees none of it.
 */
describe('the receiving centre lists what it forwarded (GET /receiving-desk/dossiers)', () => {
  const h = new DossiersHarness();
  const { province, centre, department } = randomProvince();
  const planning = department('12');
  const finance = testProcedure();
  const chained = testProcedure({
    interAgency: { direction: 'horizontal', stages: [planningStage(planning)] },
  });

  const as = (role: Role, agency: string) => ({
    role,
    agency,
    unit: 'VP.MC',
    subject: `${role}-${agency}`,
  });
  const centreDesk = as('desk_officer', centre);
  const list = async (query: string, who = centreDesk) => {
    const answer = await h.request('GET', `/receiving-desk/dossiers${query}`, who);
    expect(answer.status).toBe(200);
    return answer.body as { items: Item[]; total: number; limit: number; offset: number };
  };

  beforeAll(async () => {
    await h.start(4327);
    await h.addProcedure(finance);
    await h.addProcedure(chained);
    const nodes = [
      { kind: 'province', code: province, name: 'UBND tỉnh' },
      { kind: 'department', code: finance.agencyCode, name: 'Sở Tài chính', parentCode: province },
      {
        kind: 'department',
        code: chained.agencyCode,
        name: 'Sở Công Thương',
        parentCode: province,
      },
      { kind: 'department', code: planning, name: 'Sở Kế hoạch và Đầu tư', parentCode: province },
      {
        kind: 'centre',
        code: centre,
        name: 'Trung tâm Phục vụ hành chính công xã',
        parentCode: province,
        receivesFor: [],
      },
    ];
    await h.db.query(
      `INSERT INTO agency_tree_copy (province_code, version, nodes) VALUES ($1, 1, $2::jsonb)`,
      [province, JSON.stringify(nodes)],
    );
  });
  afterAll(() => h.stop());

  it('lists each forwarded dossier with its current holder, paged, and nothing to another agency', async () => {
    const receive = async (procedure: typeof finance, resultReturnPlace?: string) => {
      const received = await h.request('POST', '/dossiers', {
        ...centreDesk,
        body: intakeBody(procedure, resultReturnPlace ? { resultReturnPlace } : {}),
      });
      expect(received.status).toBe(201);
      expect(received.body.dossier.forwardedAt).not.toBeNull();
      return received.body.dossier as { id: string; code: string; forwardedAt: string };
    };
    const first = await receive(finance);
    const second = await receive(chained, 'resolving_agency');
    const third = await receive(finance, 'post');

    // The resolving agency of the chained procedure sends it to its first stage.
    const sent = await h.request('POST', `/dossiers/${second.id}/actions/transfer`, {
      ...as('desk_officer', chained.agencyCode),
      body: { agencyCodes: [planning] },
    });
    expect(sent.status).toBe(200);
    const { transferred_at: transferredAt } = (
      await h.db.query(
        `SELECT transferred_at FROM dossier_stage WHERE dossier_id = $1 AND agency_code = $2`,
        [second.id, planning],
      )
    ).rows[0];

    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.id)).toEqual([third.id, second.id, first.id]); // newest receipt first
    const byId = new Map(all.items.map((i) => [i.id, i]));
    expect(byId.get(first.id)).toMatchObject({
      code: first.code,
      procedureCode: finance.code,
      resolvingAgencyCode: finance.agencyCode,
      receivingAgencyCode: centre,
      forwardedAt: first.forwardedAt,
      status: 'received',
      resultReturnPlace: 'receiving_desk',
      // The resolving agency holds it, named by the agency tree.
      holders: [
        { agencyCode: finance.agencyCode, agencyName: 'Sở Tài chính', since: first.forwardedAt },
      ],
    });
    expect(byId.get(first.id)!.legalDueAt).not.toBeNull();
    expect(byId.get(second.id)).toMatchObject({
      resolvingAgencyCode: chained.agencyCode,
      status: 'processing',
      resultReturnPlace: 'resolving_agency',
      holders: [
        {
          agencyCode: planning,
          agencyName: 'Sở Kế hoạch và Đầu tư',
          since: (transferredAt as Date).toISOString(),
        },
      ],
    });
    expect(byId.get(third.id)!.resultReturnPlace).toBe('post');

    // Paging and filters.
    const page1 = await list('?limit=2&offset=0');
    const page2 = await list('?limit=2&offset=2');
    expect([page1.items.length, page2.items.length, page1.total, page2.total]).toEqual([
      2, 1, 3, 3,
    ]);
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
    expect((await list('?status=processing')).items.map((i) => i.id)).toEqual([second.id]);
    const firstReceipt = encodeURIComponent(byId.get(first.id)!.receivedAt);
    expect((await list(`?receivedTo=${firstReceipt}`)).total).toBe(0);
    expect((await list(`?receivedFrom=${firstReceipt}`)).total).toBe(3);
    const bad = await h.request('GET', '/receiving-desk/dossiers?limit=0', centreDesk);
    expect({ status: bad.status, type: bad.body.type, field: bad.body.errors?.[0]?.field }).toEqual(
      {
        status: 400,
        type: expect.stringContaining('validation-failed'),
        field: expect.stringContaining('limit'),
      },
    );

    // The resolving agencies and the stage's agency see none of the centre's rows.
    for (const agency of [finance.agencyCode, chained.agencyCode, planning]) {
      for (const role of ['desk_officer', 'leader'] as const) {
        const other = await list('', as(role, agency));
        expect(other.items.filter((i) => i.receivingAgencyCode === centre)).toEqual([]);
      }
    }
    // A specialist or an applicant may not call it at all.
    expect(
      (await h.request('GET', '/receiving-desk/dossiers', as('specialist', centre))).status,
    ).toBe(403);

    // Reading the list (applicants' names) is a read of each dossier listed: one access-log row each.
    const logged = await h.db.query(
      `SELECT object_id FROM personal_data_access
        WHERE actor_subject = $1 AND route = 'GET /receiving-desk/dossiers' AND object_kind = 'dossier'`,
      [centreDesk.subject],
    );
    expect(new Set(logged.rows.map((r) => r.object_id))).toEqual(
      new Set([first.id, second.id, third.id]),
    );
  });
});
