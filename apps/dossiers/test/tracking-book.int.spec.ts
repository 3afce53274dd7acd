import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { TRACKING_BOOK_COLUMNS } from '../src/slips/tracking-book.rows';
import { viDateTime } from '@motcua/vietnamese';
import { localYearOf } from '../src/slips/local-year';
import {
  DossiersHarness,
  intakeBody,
  randomProvince,
  testProcedure,
} from './support/dossiers-harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /tracking-book: the yearly sổ theo dõi hồ sơ (form 06) of an agency as a streamed spreadsheet. */
describe('tracking book', () => {
  const h = new DossiersHarness();
  const year = localYearOf(new Date());
  // A public administration centre receiving for a department (the tree is stored before the
  // service first reads it).
  const { province, centre } = randomProvince();
  const forwardedProcedure = testProcedure();
  beforeAll(async () => {
    await h.start(4381);
    await h.addProcedure(forwardedProcedure);
    await h.db.query(
      `INSERT INTO agency_tree_copy (province_code, version, nodes) VALUES ($1, 1, $2::jsonb)`,
      [
        province,
        JSON.stringify([
          { kind: 'province', code: province, name: 'UBND tỉnh' },
          {
            kind: 'department',
            code: forwardedProcedure.agencyCode,
            name: 'Sở Công Thương',
            parentCode: province,
          },
          {
            kind: 'centre',
            code: centre,
            name: 'Trung tâm Phục vụ hành chính công',
            parentCode: province,
            receivesFor: [],
          },
        ]),
      ],
    );
  });
  afterAll(() => h.stop());

  async function book(agency: string, forYear = year) {
    const answer = await h.download(`/tracking-book?agencyCode=${agency}&year=${forYear}`, {
      role: 'leader',
      agency,
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as never);
    const sheet = workbook.getWorksheet(`Năm ${forYear}`)!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(TRACKING_BOOK_COLUMNS.map((_, i) => row.getCell(i + 1).text)));
    return rows;
  }

  it('lists the dossiers an agency received in the year, in order of receipt, with the columns of the tracking book (form 07 of Circular 03/2025)', async () => {
    const procedure = await h.addProcedure(testProcedure());
    const received = (await h.intake(intakeBody(procedure))).body.dossier;
    expect(
      (await h.action(received.id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'))
        .status,
    ).toBe(200);
    const incomplete = (await h.intake(intakeBody(procedure, { documents: [{ code: 'PAG' }] })))
      .body.dossier;
    const refused = (await h.intake(intakeBody(procedure, { refusalReasons: ['Sai thẩm quyền'] })))
      .body.dossier;
    const assigned = (await h.request('GET', `/dossiers/${received.id}`, { role: 'desk_officer' }))
      .body;

    const rows = await book(procedure.agencyCode);
    expect(rows[0][0]).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(rows[1][0]).toBe(`Cơ quan: ${procedure.agencyCode} - Năm ${year}`);
    expect(rows[2][0]).toBe('Mẫu số 07 (Thông tư 03/2025/TT-VPCP)');
    expect(rows[3]).toEqual(TRACKING_BOOK_COLUMNS.map((c) => c.header));
    expect(rows.slice(4).map((r) => [r[0], r[1]])).toEqual([
      ['1', received.code],
      ['2', incomplete.code],
      ['3', refused.code],
    ]);
    const [first, second, third] = rows.slice(4);
    expect(first).toEqual([
      '1',
      received.code,
      procedure.name,
      '1',
      'Công ty TNHH Hùng Vương (Nguyễn Văn An)',
      '',
      procedure.decidingAgency,
      viDateTime(new Date(received.receivedAt)),
      viDateTime(new Date(received.dueAt)),
      viDateTime(
        new Date(
          assigned.history.find((e: { action: string }) => e.action === 'assign').occurredAt,
        ),
      ),
      '',
      '',
      'Đang xử lý; trong hạn',
    ]);
    expect(second[8]).toBe('');
    expect(second[12]).toBe('Yêu cầu bổ sung, hoàn thiện hồ sơ (chưa tiếp nhận)');
    expect(third[12]).toBe('Từ chối tiếp nhận');
    expect(await book(procedure.agencyCode, year - 1)).toHaveLength(4);
  });

  it("a centre's book lists the dossiers its desk received for other agencies, with the resolving agency and when each was forwarded", async () => {
    const procedure = forwardedProcedure;
    const atCentre = await h.request('POST', '/dossiers', {
      role: 'desk_officer',
      agency: centre,
      unit: 'VP.MC',
      body: intakeBody(procedure),
    });
    expect(atCentre.status).toBe(201);
    const forwarded = atCentre.body.dossier;
    expect(forwarded.forwardedAt).not.toBeNull();
    const atOwnDesk = await h.request('POST', '/dossiers', {
      role: 'desk_officer',
      agency: procedure.agencyCode,
      unit: 'VP.MC',
      body: intakeBody(procedure),
    });
    expect(atOwnDesk.status).toBe(201);
    const ownDesk = atOwnDesk.body.dossier; // the department's own desk: not the centre's

    const centreRows = (await book(centre)).slice(4);
    expect(centreRows).toHaveLength(1);
    expect(centreRows[0]).toEqual([
      '1',
      forwarded.code,
      procedure.name,
      '1',
      'Công ty TNHH Hùng Vương (Nguyễn Văn An)',
      '',
      `Sở Công Thương (${procedure.agencyCode})`,
      viDateTime(new Date(forwarded.receivedAt)),
      viDateTime(new Date(forwarded.dueAt)),
      viDateTime(new Date(forwarded.forwardedAt)),
      '',
      '',
      `Tiếp nhận thay, đã chuyển đến Sở Công Thương (${procedure.agencyCode}); Đã tiếp nhận; trong hạn`,
    ]);
    // The resolving agency's book keeps both of its dossiers, as its own.
    const departmentRows = (await book(procedure.agencyCode)).slice(4);
    expect(departmentRows.map((r) => [r[1], r[6], r[12]])).toEqual([
      [forwarded.code, procedure.decidingAgency, 'Đã tiếp nhận; trong hạn'],
      [ownDesk.code, procedure.decidingAgency, 'Đã tiếp nhận; trong hạn'],
    ]);
  });

  it('pages through more dossiers than one batch, in order of receipt then id', async () => {
    const agency = `${randomUUID()
      .replace(/[^A-F0-9]/gi, '')
      .slice(0, 3)
      .toUpperCase()}.00.16.H26`;
    // 1,203 rows straight into the table, two per receipt instant: the keyset must break ties by id.
    await h.db.query(
      `INSERT INTO dossier (id, code, procedure_code, procedure_version, agency_code, domain_code, channel, applicant_type,
         applicant_identifier, applicant_key, applicant_name, status, portal_status, documents, time_limit, received_at,
         calendar_version, receipt_policy_id, lookup_secret_hash, created_by, updated_at)
       SELECT gen_random_uuid(), $1 || '-' || to_char(make_date($2, 1, 2), 'YYMMDD') || '-' || lpad(i::text, 4, '0'), '1.999999', 1, $1, 'QLG',
         'in_person', 'business', '001099012345', 'k', 'Trần Thị Bình', 'received', 2, '[]', '{"value": 5, "unit": "working_days"}',
         make_timestamptz($2, 1, 2, 8, 0, 0, 'Asia/Ho_Chi_Minh') + (i / 2) * interval '1 minute', 'v1', 'p', 'h', 'seed', now()
       FROM generate_series(1, 1203) AS i`,
      [agency, year],
    );
    const expected = (
      await h.db.query(`SELECT code FROM dossier WHERE agency_code = $1 ORDER BY received_at, id`, [
        agency,
      ])
    ).rows.map((r) => r.code);
    const rows = (await book(agency)).slice(4);
    expect(rows.map((r) => r[1])).toEqual(expected);
    expect(rows.map((r) => r[0])).toEqual(expected.map((_, i) => String(i + 1)));
    expect(rows[0][2]).toBe('1.999999');
  });

  it('answers bad queries with problem+json and only officers and leaders', async () => {
    const bad = async (query: string) =>
      (await h.download(`/tracking-book?${query}`, { role: 'desk_officer' })).body;
    expect((await bad(`agencyCode=000.00.15.H26&year=${year + 1}`)).errors).toEqual([
      expect.objectContaining({ field: 'query.year', rule: 'not-in-future' }),
    ]);
    expect((await bad('agencyCode=000.00.15.H26&year=26')).errors).toEqual([
      expect.objectContaining({ field: 'query.year', rule: 'invalid_format' }),
    ]);
    expect((await bad('agencyCode=000.00.15.H26&year=1999')).errors).toEqual([
      expect.objectContaining({ field: 'query.year', rule: 'too_small' }),
    ]);
    expect((await bad(`agencyCode=bad&year=${year}`)).errors).toEqual([
      expect.objectContaining({ field: 'query.agencyCode' }),
    ]);
    expect((await h.download(`/tracking-book?agencyCode=000.00.15.H26&year=${year}`)).status).toBe(
      401,
    );
    expect(
      (
        await h.download(`/tracking-book?agencyCode=000.00.15.H26&year=${year}`, {
          role: 'citizen',
        })
      ).status,
    ).toBe(403);
  });
});
