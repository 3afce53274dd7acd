import type { Dossier } from '../generated/prisma/client';
import { slipDataOf, slipNotApplicable } from './slip-data';
import { slipLayout } from './slip-forms';
import { textOf, type SlipKind } from './slip.types';
import { dossierRecord, procedure } from '../../test/support/slip-fixtures';

const build = (kind: SlipKind, dossier: Dossier, extension: Parameters<typeof slipDataOf>[0]['extension'] = null) =>
  slipLayout(slipDataOf({
    kind, dossier, procedure, extension, issuedAt: new Date('2026-12-01T02:00:00Z'),
    qrUrl: 'https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007#secret=s3cret-value', printedUrl: 'https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007',
  }));

describe('slip layouts (Circular 01/2018 forms 01-04)', () => {
  it('receipt: agency, code, procedure, applicant with a masked identifier, documents, times and appointment date in Vietnamese', () => {
    const text = textOf(build('receipt', dossierRecord()));
    expect(text).toEqual(expect.arrayContaining([
      'SỞ TÀI CHÍNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Ngày 01 tháng 12 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mã hồ sơ: 000.00.15.H26-261130-0007',
      'Ông/Bà: Nguyễn Văn An', 'Tổ chức: Công ty TNHH Hùng Vương', 'Số định danh cá nhân: 0010******45',
      'Nội dung yêu cầu giải quyết: Quyết định giá thuộc thẩm quyền của cấp tỉnh',
      '- Phương án giá (PAG), đã số hóa', '- Tờ trình đề nghị (TTR)',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 30 tháng 11 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026',
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Tra cứu hồ sơ: https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007',
    ]));
    expect(text.join('\n')).not.toContain('001099012345');
    // The secret goes only into the QR code, never into the printed text.
    expect(text.join('\n')).not.toContain('s3cret-value');
  });

  it('supplement request lists every missing document at once', () => {
    const missing = [
      { documentCode: 'PAG', description: 'Thiếu thành phần hồ sơ: Phương án giá' },
      { documentCode: 'TTR', description: 'Thiếu thành phần hồ sơ: Tờ trình đề nghị' },
    ];
    const layout = build('supplement', dossierRecord({ status: 'intake_supplement', missing, dueAt: null }));
    expect(layout.title).toBe('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(textOf(layout)).toEqual(expect.arrayContaining([
      '1. Thiếu thành phần hồ sơ: Phương án giá (PAG)', '2. Thiếu thành phần hồ sơ: Tờ trình đề nghị (TTR)', 'NGƯỜI HƯỚNG DẪN',
    ]));
  });

  it('refusal gives the reasons; apology the previous and the new date with the reason', () => {
    const refusal = build('refusal', dossierRecord({ status: 'refused', refusalReasons: ['Hồ sơ không đủ điều kiện', 'Sai đối tượng'] }));
    expect(refusal.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(textOf(refusal)).toEqual(expect.arrayContaining(['1. Hồ sơ không đủ điều kiện', '2. Sai đối tượng']));

    const extension = { previousDueAt: '2026-12-07T10:00:00.000Z', newDueAt: '2026-12-14T10:00:00.000Z', reason: 'Cần xác minh thực địa' };
    const apology = build('apology', dossierRecord({ status: 'processing', extensionCount: 1, dueAt: new Date(extension.newDueAt) }), extension);
    const text = textOf(apology).join('\n');
    expect(apology.title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026');
    expect(text).toContain('Lý do: Cần xác minh thực địa');
    expect(text).toContain('sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ngày 14 tháng 12 năm 2026');
    // The receipt reprinted after the extension still shows the date it gave.
    expect(textOf(build('receipt', dossierRecord({ extensionCount: 1, dueAt: new Date(extension.newDueAt) }), extension)))
      .toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07 tháng 12 năm 2026');
  });

  it.each([
    ['receipt', { status: 'not_received', refusalReasons: ['x'] }, 'receipt-needs-received-dossier'],
    ['receipt', { status: 'intake_supplement', missing: [{ description: 'x' }] }, 'receipt-needs-received-dossier'],
    ['supplement', { status: 'processing' }, 'supplement-needs-open-request'],
    ['refusal', { status: 'received' }, 'refusal-needs-refused-dossier'],
    ['apology', { status: 'processing', extensionCount: 0 }, 'apology-needs-extension'],
  ] as const)('%s does not apply to %j (%s)', (kind, overrides, rule) => {
    expect(slipNotApplicable(kind, dossierRecord(overrides as Partial<Dossier>))).toMatchObject({ field: 'kind', rule });
  });

  it.each([
    ['receipt', { status: 'result_returned' }],
    ['supplement', { status: 'supplement_requested', missing: [{ description: 'Bản sao giấy phép' }] }],
    ['refusal', { status: 'not_received', refusalReasons: ['Sai đối tượng'] }],
    ['apology', { status: 'processing', extensionCount: 1 }],
  ] as const)('%s applies to %j', (kind, overrides) => {
    expect(slipNotApplicable(kind, dossierRecord(overrides as Partial<Dossier>))).toBeNull();
  });
});
