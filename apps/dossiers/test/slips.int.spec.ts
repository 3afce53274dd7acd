import { randomUUID } from 'node:crypto';
import { addWorkingDays } from '@motcua/calendar';
import { DossiersHarness, intakeBody, testProcedure } from './support/dossiers-harness';
import { pdfTextLines } from './support/pdf-text';

const LOOKUP = 'https://dvc.example.vn/tra-cuu';

/** GET /dossiers/:id/slips/:kind: the desk's printable slips (forms 01-04) as PDF. */
describe('slips', () => {
  const h = new DossiersHarness();
  beforeAll(() => h.start(4380, { PUBLIC_LOOKUP_URL: LOOKUP }));
  afterAll(() => h.stop());

  const text = (pdf: Buffer) => pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');

  it('prints the receipt with the appointment date, masked identifier and lookup link; refuses slips that do not apply', async () => {
    const procedure = await h.addProcedure(testProcedure());
    const { dossier } = (await h.intake(intakeBody(procedure))).body;

    const receipt = await h.download(`/dossiers/${dossier.id}/slips/receipt`, {
      role: 'desk_officer',
      headers: { 'x-lookup-secret': dossier.lookupSecret },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.contentType).toBe('application/pdf');
    expect(receipt.headers.get('cache-control')).toBe('no-store');
    expect(receipt.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = text(receipt.bytes);
    const [y, m, d] = dossier.appointmentDate.split('-');
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${dossier.code}`,
      'Ông/Bà: Nguyễn Văn An',
      'Số định danh cá nhân: 0010******45',
      `Nội dung yêu cầu giải quyết: ${procedure.name}`,
      'Phương án giá (PAG), đã số hóa',
      `17 giờ 00 phút, ngày ${d} tháng ${m} năm ${y}`,
      `Tra cứu hồ sơ: ${LOOKUP}/${dossier.code}`,
      procedure.decidingAgency.toUpperCase(),
    ])
      expect(printed).toContain(expected);
    expect(printed).not.toContain('001099012345');
    expect(printed).not.toContain(dossier.lookupSecret);

    const wrongSecret = await h.download(`/dossiers/${dossier.id}/slips/receipt`, {
      role: 'desk_officer',
      headers: { 'x-lookup-secret': 'not-the-secret' },
    });
    expect(wrongSecret.status).toBe(422);
    expect(wrongSecret.body.errors).toEqual([
      expect.objectContaining({ field: 'header.X-Lookup-Secret', rule: 'matches-lookup-secret' }),
    ]);

    const apology = await h.download(`/dossiers/${dossier.id}/slips/apology`, { role: 'leader' });
    expect(apology.status).toBe(409);
    expect(apology.contentType).toContain('application/problem+json');
    expect(apology.body).toMatchObject({
      dossierStatus: 'received',
      errors: [{ field: 'kind', rule: 'apology-needs-extension' }],
    });
    const refusal = await h.download(`/dossiers/${dossier.id}/slips/refusal`, {
      role: 'specialist',
    });
    expect(refusal.status).toBe(409);
    expect(refusal.body.errors[0].rule).toBe('refusal-needs-refused-dossier');

    const unknownKind = await h.download(`/dossiers/${dossier.id}/slips/invoice`, {
      role: 'desk_officer',
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors).toEqual([expect.objectContaining({ field: 'param.kind' })]);
    expect(
      (await h.download(`/dossiers/${randomUUID()}/slips/receipt`, { role: 'desk_officer' }))
        .status,
    ).toBe(404);
    expect((await h.download(`/dossiers/${dossier.id}/slips/receipt`)).status).toBe(401);
    expect(
      (await h.download(`/dossiers/${dossier.id}/slips/receipt`, { role: 'citizen' })).status,
    ).toBe(403);
  });

  it('lists every missing document on the supplement request and the reasons on the refusal', async () => {
    const procedure = await h.addProcedure(testProcedure());
    const incomplete = (await h.intake(intakeBody(procedure, { documents: [{ code: 'VBTD' }] })))
      .body.dossier;
    const supplement = await h.download(`/dossiers/${incomplete.id}/slips/supplement`, {
      role: 'desk_officer',
    });
    expect(supplement.status).toBe(200);
    const printed = text(supplement.bytes);
    expect(printed).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(printed).toContain('1. Thiếu thành phần hồ sơ: Phương án giá (PAG)');
    expect(printed).toContain('2. Thiếu thành phần hồ sơ: Tờ trình đề nghị (TTR)');
    expect(
      (await h.download(`/dossiers/${incomplete.id}/slips/receipt`, { role: 'desk_officer' })).body
        .errors[0].rule,
    ).toBe('receipt-needs-received-dossier');

    const refused = (
      await h.intake(
        intakeBody(procedure, {
          refusalReasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan'],
        }),
      )
    ).body.dossier;
    const refusal = await h.download(`/dossiers/${refused.id}/slips/refusal`, {
      role: 'desk_officer',
    });
    expect(refusal.status).toBe(200);
    expect(text(refusal.bytes)).toContain('1. Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan');
  });

  it('prints the apology with the reason and the new date once the leader extended; the receipt keeps its date', async () => {
    const procedure = await h.addProcedure(testProcedure());
    const { dossier } = (await h.intake(intakeBody(procedure))).body;
    expect(
      (await h.action(dossier.id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'))
        .status,
    ).toBe(200);
    const newDate = addWorkingDays(dossier.appointmentDate, 3);
    const extended = await h.action(
      dossier.id,
      'extend',
      { newDueDate: newDate, reason: 'Cần xin ý kiến Sở Công Thương' },
      'leader',
      'VP.MC',
    );
    expect(extended.status).toBe(200);

    const apology = await h.download(`/dossiers/${dossier.id}/slips/apology`, { role: 'leader' });
    expect(apology.status).toBe(200);
    const printed = text(apology.bytes);
    const vi = (iso: string) => {
      const [y, m, d] = iso.split('-');
      return `ngày ${d} tháng ${m} năm ${y}`;
    };
    expect(printed).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(printed).toContain('Lý do: Cần xin ý kiến Sở Công Thương');
    expect(printed).toContain(
      `Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ${vi(dossier.appointmentDate)}`,
    );
    expect(printed).toContain(`sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ${vi(newDate)}`);
    const receipt = await h.download(`/dossiers/${dossier.id}/slips/receipt`, {
      role: 'desk_officer',
    });
    expect(text(receipt.bytes)).toContain(
      `Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ${vi(dossier.appointmentDate)}`,
    );
  });
});
