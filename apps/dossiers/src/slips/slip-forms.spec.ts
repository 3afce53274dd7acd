import type { Dossier } from '../generated/prisma/client';
import { slipDataOf, slipNotApplicable } from './slip-data';
import { slipLayout } from './slip-forms';
import { textOf, type SlipKind } from './slip.types';
import { dossierRecord, procedure } from '../../test/support/slip-fixtures';
import type { StopRecord } from './slip-data';

const stopRecord: StopRecord = {
  reason: 'Doanh nghiệp không còn nhu cầu',
  requestChannel: 'postal',
  occurredAt: new Date('2026-12-02T02:00:00Z'),
};

type Extras = Pick<Parameters<typeof slipDataOf>[0], 'stop' | 'steps'>;
const build = (
  kind: SlipKind,
  dossier: Dossier,
  extension: Parameters<typeof slipDataOf>[0]['extension'] = null,
  extras: Extras = {},
) =>
  slipLayout(
    slipDataOf({
      kind,
      dossier,
      procedure,
      extension,
      ...extras,
      issuedAt: new Date('2026-12-01T02:00:00Z'),
      qrUrl: 'https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007#secret=s3cret-value',
      printedUrl: 'https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007',
    }),
  );

describe('slip layouts (Circular 03/2025 forms 01-06 from 1/7/2025; Circular 01/2018 before)', () => {
  it('receipt: agency, code, procedure, applicant with a masked identifier, documents, times and appointment date in Vietnamese', () => {
    const text = textOf(build('receipt', dossierRecord()));
    expect(text).toEqual(
      expect.arrayContaining([
        'SỞ TÀI CHÍNH',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Ngày 01 tháng 12 năm 2026',
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        'Mã hồ sơ: 000.00.15.H26-261130-0007',
        'Ông/Bà: Nguyễn Văn An',
        'Tổ chức: Công ty TNHH Hùng Vương',
        'Số định danh cá nhân: 0010******45',
        'Nội dung yêu cầu giải quyết: Quyết định giá thuộc thẩm quyền của cấp tỉnh',
        '- Phương án giá (PAG), đã số hóa',
        '- Tờ trình đề nghị (TTR)',
        '3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc',
        '4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 30 tháng 11 năm 2026',
        '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026',
        'NGƯỜI NỘP HỒ SƠ',
        'NGƯỜI TIẾP NHẬN HỒ SƠ',
        'Tra cứu hồ sơ: https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007',
      ]),
    );
    expect(text.join('\n')).not.toContain('001099012345');
    // The secret goes only into the QR code, never into the printed text.
    expect(text.join('\n')).not.toContain('s3cret-value');
  });

  it('supplement request lists every missing document at once', () => {
    const missing = [
      { documentCode: 'PAG', description: 'Thiếu thành phần hồ sơ: Phương án giá' },
      { documentCode: 'TTR', description: 'Thiếu thành phần hồ sơ: Tờ trình đề nghị' },
    ];
    const layout = build(
      'supplement',
      dossierRecord({ status: 'intake_supplement', missing, dueAt: null }),
    );
    expect(layout.title).toBe('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(textOf(layout)).toEqual(
      expect.arrayContaining([
        '1. Thiếu thành phần hồ sơ: Phương án giá (PAG)',
        '2. Thiếu thành phần hồ sơ: Tờ trình đề nghị (TTR)',
        'NGƯỜI HƯỚNG DẪN',
      ]),
    );
  });

  it('refusal gives the reasons; apology the previous and the new date with the reason', () => {
    const refusal = build(
      'refusal',
      dossierRecord({
        status: 'refused',
        refusalReasons: ['Hồ sơ không đủ điều kiện', 'Sai đối tượng'],
      }),
    );
    expect(refusal.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ');
    expect(textOf(refusal)).toEqual(
      expect.arrayContaining(['1. Hồ sơ không đủ điều kiện', '2. Sai đối tượng']),
    );

    const extension = {
      previousDueAt: '2026-12-07T10:00:00.000Z',
      newDueAt: '2026-12-14T10:00:00.000Z',
      reason: 'Cần xác minh thực địa',
    };
    const apology = build(
      'apology',
      dossierRecord({
        status: 'processing',
        extensionCount: 1,
        dueAt: new Date(extension.newDueAt),
      }),
      extension,
    );
    const text = textOf(apology).join('\n');
    expect(apology.title).toBe('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(apology.header.right[0]).toBe('Mẫu số 04 (Thông tư 03/2025/TT-VPCP)');
    expect(text).toContain(
      'Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026',
    );
    expect(text).toContain('Lý do: Cần xác minh thực địa');
    expect(text).toContain(
      'sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ngày 14 tháng 12 năm 2026',
    );
    // The receipt reprinted after the extension still shows the date it gave.
    expect(
      textOf(
        build(
          'receipt',
          dossierRecord({ extensionCount: 1, dueAt: new Date(extension.newDueAt) }),
          extension,
        ),
      ),
    ).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026',
    );
  });

  it('numbers and titles the forms by the date of receipt: 30/6/2025 keeps Circular 01/2018, 1/7/2025 takes Circular 03/2025', () => {
    const june = (kind: SlipKind, o: Partial<Dossier>) =>
      build(kind, dossierRecord({ receivedAt: new Date('2025-06-30T09:00:00Z'), ...o }));
    const july = (kind: SlipKind, o: Partial<Dossier>) =>
      build(kind, dossierRecord({ receivedAt: new Date('2025-06-30T17:00:00Z'), ...o }));
    const refused = { status: 'refused', refusalReasons: ['Sai đối tượng'] } as Partial<Dossier>;
    expect([june('refusal', refused).header.right[0], june('refusal', refused).title]).toEqual([
      'Mẫu số 03 (Thông tư 01/2018/TT-VPCP)',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    ]);
    expect([july('refusal', refused).header.right[0], july('refusal', refused).title]).toEqual([
      'Mẫu số 03 (Thông tư 03/2025/TT-VPCP)',
      'PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ',
    ]);
    expect(june('control-sheet', {}).header.right[0]).toBe('Mẫu số 05 (Thông tư 01/2018/TT-VPCP)');
    expect(july('control-sheet', {}).header.right[0]).toBe('Mẫu số 06 (Thông tư 03/2025/TT-VPCP)');
    expect(
      slipNotApplicable(
        'stop-notice',
        dossierRecord({ status: 'stopped', receivedAt: new Date('2025-06-30T09:00:00Z') }),
        stopRecord,
      ),
    ).toMatchObject({ rule: 'form-in-edition' });
  });

  it('stop notice (Circular 03/2025 form 05): the applicant’s request, its channel and reason, no decision yet', () => {
    const layout = build('stop-notice', dossierRecord({ status: 'stopped' }), null, {
      stop: { ...stopRecord, notice: { number: '05/2026/TB' } },
    });
    expect(layout.title).toBe('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(layout.header.right[0]).toBe('Mẫu số 05 (Thông tư 03/2025/TT-VPCP)');
    expect(layout.subtitle).toBe('Mã hồ sơ: 000.00.15.H26-261130-0007 - Số: 05/2026/TB');
    expect(textOf(layout)).toEqual(
      expect.arrayContaining([
        '09 giờ 00 phút, ngày 02 tháng 12 năm 2026, Ông/Bà đề nghị dừng giải quyết hồ sơ (qua dịch vụ bưu chính).',
        'Lý do: Doanh nghiệp không còn nhu cầu',
        'Đến thời điểm đề nghị, hồ sơ chưa có quyết định hoặc thông báo kết quả giải quyết.',
      ]),
    );
  });

  it('processing control sheet (Circular 03/2025 form 06): legal due date, promised date and each step with its verdict', () => {
    const extension = {
      previousDueAt: '2026-12-07T10:00:00.000Z',
      newDueAt: '2026-12-14T10:00:00.000Z',
      reason: 'Xác minh',
    };
    const steps = [
      {
        order: 1,
        name: 'Tiếp nhận',
        unitName: 'Bộ phận một cửa',
        startedAt: new Date('2026-11-30T01:30:00Z'),
        dueAt: new Date('2026-11-30T10:00:00Z'),
        completedAt: new Date('2026-11-30T02:00:00Z'),
      },
      {
        order: 2,
        name: 'Thẩm định',
        unitName: 'Phòng Quản lý giá',
        startedAt: new Date('2026-11-30T02:00:00Z'),
        dueAt: new Date('2026-12-04T10:00:00Z'),
        completedAt: new Date('2026-12-08T02:00:00Z'),
      },
      {
        order: 3,
        name: 'Trả kết quả',
        unitName: 'Bộ phận một cửa',
        startedAt: null,
        dueAt: new Date('2026-12-07T10:00:00Z'),
        completedAt: null,
      },
    ];
    const dossier = dossierRecord({
      status: 'processing',
      extensionCount: 1,
      dueAt: new Date(extension.newDueAt),
      legalDueAt: new Date(extension.previousDueAt),
    });
    const text = textOf(build('control-sheet', dossier, extension, { steps }));
    expect(text).toEqual(
      expect.arrayContaining([
        'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        'Hạn giải quyết theo quy định: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026',
        'Ngày hẹn trả sau văn bản xin lỗi: 17 giờ 00 phút, ngày 14 tháng 12 năm 2026',
        '1. Tiếp nhận - Bộ phận một cửa',
        'Nhận: 08 giờ 30 phút, ngày 30 tháng 11 năm 2026; hạn: 17 giờ 00 phút, ngày 30 tháng 11 năm 2026; hoàn thành: 09 giờ 00 phút, ngày 30 tháng 11 năm 2026 (đúng hạn)',
        'Nhận: 09 giờ 00 phút, ngày 30 tháng 11 năm 2026; hạn: 17 giờ 00 phút, ngày 04 tháng 12 năm 2026; hoàn thành: 09 giờ 00 phút, ngày 08 tháng 12 năm 2026 (quá hạn)',
        'Nhận: …; hạn: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026; hoàn thành: …',
      ]),
    );
  });

  it.each([
    ['stop-notice', { status: 'withdrawn' }, 'stop-notice-needs-applicant-stop'],
    ['stop-notice', { status: 'stopped' }, 'stop-notice-needs-applicant-stop'],
    ['control-sheet', { status: 'not_received' }, 'control-sheet-needs-received-dossier'],
    [
      'receipt',
      { status: 'not_received', refusalReasons: ['x'] },
      'receipt-needs-received-dossier',
    ],
    [
      'receipt',
      { status: 'intake_supplement', missing: [{ description: 'x' }] },
      'receipt-needs-received-dossier',
    ],
    ['supplement', { status: 'processing' }, 'supplement-needs-open-request'],
    ['refusal', { status: 'received' }, 'refusal-needs-refused-dossier'],
    ['apology', { status: 'processing', extensionCount: 0 }, 'apology-needs-extension'],
  ] as const)('%s does not apply to %j (%s)', (kind, overrides, rule) => {
    expect(slipNotApplicable(kind, dossierRecord(overrides as Partial<Dossier>))).toMatchObject({
      field: 'kind',
      rule,
    });
  });

  it.each([
    ['receipt', { status: 'result_returned' }],
    [
      'supplement',
      { status: 'supplement_requested', missing: [{ description: 'Bản sao giấy phép' }] },
    ],
    ['refusal', { status: 'not_received', refusalReasons: ['Sai đối tượng'] }],
    ['apology', { status: 'processing', extensionCount: 1 }],
    ['control-sheet', { status: 'processing' }],
  ] as const)('%s applies to %j', (kind, overrides) => {
    expect(slipNotApplicable(kind, dossierRecord(overrides as Partial<Dossier>))).toBeNull();
  });

  it('stop notice applies to a dossier stopped at the applicant’s request', () => {
    expect(
      slipNotApplicable('stop-notice', dossierRecord({ status: 'stopped' }), stopRecord),
    ).toBeNull();
  });
});
