import {
  TRACKING_BOOK_COLUMNS,
  trackingBookRow,
  type TrackingBookDossier,
} from './tracking-book.rows';
import { viDate, viDateTime } from '@motcua/vietnamese';
import { localYearBounds, localYearOf } from './local-year';
import { trackingBookFormsOfYear } from './form-editions';

const dossier: TrackingBookDossier = {
  id: 'd1',
  code: '000.00.15.H26-261130-0007',
  procedureCode: '1.000001',
  procedureVersion: 1,
  agencyCode: '000.00.15.H26',
  applicantName: 'Nguyễn Văn An',
  organisationName: 'Công ty TNHH Hùng Vương',
  status: 'result_returned',
  receivedAt: new Date('2026-11-30T01:30:00Z'),
  dueAt: new Date('2026-12-07T10:00:00Z'),
  legalDueAt: new Date('2026-12-07T10:00:00Z'),
  finishedAt: new Date('2026-12-04T03:00:00Z'),
  returnedAt: new Date('2026-12-05T02:15:00Z'),
  extensionCount: 0,
  isDemo: false,
};

describe('tracking book (form 07 from 1/7/2025, form 06 before)', () => {
  it('has the columns of form 06 in order', () => {
    expect(TRACKING_BOOK_COLUMNS.map((c) => c.header)).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Nhận hồ sơ (ngày, giờ)',
      'Hẹn trả kết quả',
      'Chuyển hồ sơ đến cơ quan giải quyết',
      'Nhận kết quả từ cơ quan giải quyết',
      'Trả kết quả',
      'Ghi chú',
    ]);
  });

  it('fills a row with local dates, the action-log milestones and the status with the on-time verdict', () => {
    const row = trackingBookRow(
      3,
      dossier,
      { name: 'Quyết định giá', decidingAgency: 'Sở Tài chính' },
      {
        transferredAt: new Date('2026-11-30T02:00:00Z'),
        processedAt: new Date('2026-12-04T03:00:00Z'),
      },
      new Date('2026-12-06T00:00:00Z'),
    );
    expect(row).toEqual({
      stt: 3,
      code: '000.00.15.H26-261130-0007',
      procedure: 'Quyết định giá',
      sets: 1,
      applicant: 'Công ty TNHH Hùng Vương (Nguyễn Văn An)',
      address: '',
      agency: 'Sở Tài chính',
      receivedAt: '30/11/2026 08:30',
      dueAt: '07/12/2026 17:00',
      transferredAt: '30/11/2026 09:00',
      processedAt: '04/12/2026 10:00',
      returnedAt: '05/12/2026 09:15',
      note: 'Đã trả kết quả; đúng hạn',
    });
  });

  it("a dossier the centre's desk received for another agency: the resolving agency it was forwarded to, and when", () => {
    const row = trackingBookRow(
      5,
      {
        ...dossier,
        status: 'processing',
        finishedAt: null,
        returnedAt: null,
        receivedForAnother: true,
        forwardedAt: new Date('2026-11-30T01:31:00Z'),
      },
      { name: 'Quyết định giá', decidingAgency: 'Ủy ban nhân dân tỉnh' },
      // The resolving agency's own transfer to its unit is not the centre's.
      { transferredAt: new Date('2026-12-01T02:00:00Z') },
      new Date('2026-12-02T00:00:00Z'),
      'Sở Tài chính',
    );
    expect(row).toMatchObject({
      agency: 'Sở Tài chính (000.00.15.H26)',
      transferredAt: '30/11/2026 08:31',
      processedAt: '',
      note: 'Tiếp nhận thay, đã chuyển đến Sở Tài chính (000.00.15.H26); Đang xử lý; trong hạn',
    });
  });

  it('notes refusals at intake, extensions and demo data', () => {
    const refused = trackingBookRow(
      1,
      {
        ...dossier,
        status: 'not_received',
        dueAt: null,
        finishedAt: null,
        returnedAt: null,
        organisationName: null,
      },
      undefined,
      {},
      new Date(),
    );
    expect(refused).toMatchObject({
      procedure: '1.000001',
      agency: '000.00.15.H26',
      applicant: 'Nguyễn Văn An',
      dueAt: '',
      note: 'Từ chối tiếp nhận',
    });
    const extended = trackingBookRow(
      2,
      {
        ...dossier,
        status: 'processing',
        finishedAt: null,
        returnedAt: null,
        extensionCount: 1,
        isDemo: true,
      },
      undefined,
      {},
      new Date('2026-12-08T00:00:00Z'),
    );
    expect(extended.note).toBe(
      'Đang xử lý; quá hạn; đã hẹn lại ngày trả kết quả (hạn theo quy định 07/12/2026 17:00); dữ liệu minh họa',
    );
  });

  it('judges on time against the legal due date and shows the promised date of an apology (Circular 01/2018 index 1)', () => {
    const apologised = {
      ...dossier,
      dueAt: new Date('2026-12-10T10:00:00Z'),
      extensionCount: 1,
      finishedAt: new Date('2026-12-09T03:00:00Z'),
    };
    const row = trackingBookRow(4, apologised, undefined, {}, new Date('2026-12-11T00:00:00Z'));
    expect(row.dueAt).toBe('10/12/2026 17:00');
    expect(row.note).toBe(
      'Đã trả kết quả; trễ hạn; đã hẹn lại ngày trả kết quả (hạn theo quy định 07/12/2026 17:00)',
    );
  });

  it('names the form of each edition a year spans (Circular 01/2018 form 06 to 30/6/2025, Circular 03/2025 form 07 from 1/7/2025)', () => {
    expect(trackingBookFormsOfYear(2024)).toEqual(['Mẫu số 06 (Thông tư 01/2018/TT-VPCP)']);
    expect(trackingBookFormsOfYear(2025)).toEqual([
      'Mẫu số 06 (Thông tư 01/2018/TT-VPCP) đến 30/6/2025',
      'Mẫu số 07 (Thông tư 03/2025/TT-VPCP) từ 1/7/2025',
    ]);
    expect(trackingBookFormsOfYear(2026)).toEqual(['Mẫu số 07 (Thông tư 03/2025/TT-VPCP)']);
  });

  it('formats dates in Asia/Ho_Chi_Minh and bounds the local year', () => {
    expect(viDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(viDate(new Date('2026-12-31T16:59:59Z'))).toBe('31/12/2026');
    expect(localYearOf(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(localYearBounds(2026)).toEqual({
      start: new Date('2025-12-31T17:00:00Z'),
      end: new Date('2026-12-31T17:00:00Z'),
    });
  });
});
