import type { ProcedureVersion } from '@motcua/contracts';
import type { DossierStatus } from '../dossier/dossier-status';
import { onTimeStatusOf, type OnTimeStatus } from '../dossier/on-time.rules';
import { viDateTime } from '@motcua/vietnamese';

/**
 * Sổ theo dõi hồ sơ: Circular 03/2025 form 07 for dossiers received from 1/7/2025, Circular
 * 01/2018 form 06 before (form-editions.ts); the columns are the same. "Hẹn trả kết quả" is the
 * date in force as told to the applicant; after an apology the note gives the legal due date,
 * against which the on-time verdict is made. The dossiers database holds no address or phone
 * number of the applicant: that column stays blank. The form's signature columns are left out.
 */
export const TRACKING_BOOK_COLUMNS = [
  { key: 'stt', header: 'STT', width: 7 },
  { key: 'code', header: 'Mã hồ sơ', width: 27 },
  { key: 'procedure', header: 'Tên thủ tục hành chính', width: 42 },
  { key: 'sets', header: 'Số lượng hồ sơ (bộ)', width: 10 },
  { key: 'applicant', header: 'Tên cá nhân, tổ chức', width: 32 },
  { key: 'address', header: 'Địa chỉ, số điện thoại', width: 18 },
  { key: 'agency', header: 'Cơ quan chủ trì giải quyết', width: 26 },
  { key: 'receivedAt', header: 'Nhận hồ sơ (ngày, giờ)', width: 18 },
  { key: 'dueAt', header: 'Hẹn trả kết quả', width: 18 },
  { key: 'transferredAt', header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 18 },
  { key: 'processedAt', header: 'Nhận kết quả từ cơ quan giải quyết', width: 18 },
  { key: 'returnedAt', header: 'Trả kết quả', width: 18 },
  { key: 'note', header: 'Ghi chú', width: 40 },
] as const;

export type TrackingBookRow = Record<
  (typeof TRACKING_BOOK_COLUMNS)[number]['key'],
  string | number
>;

/** The dossier fields the book reads (one keyset-paged query). */
export type TrackingBookDossier = {
  id: string;
  code: string;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  applicantName: string;
  organisationName: string | null;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  legalDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  extensionCount: number;
  isDemo: boolean;
  /** Received by this agency's desk for another agency (receipt at any desk) and forwarded to it then. */
  receivedForAnother?: boolean;
  forwardedAt?: Date | null;
};

/** First transfer to the processing unit and first return of the result to the desk, from the action log. */
export type TrackingBookMilestones = { transferredAt?: Date; processedAt?: Date };

const STATUS_VI: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  intake_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (chưa tiếp nhận)',
  not_received: 'Từ chối tiếp nhận',
  refused: 'Từ chối giải quyết',
  processed: 'Đã giải quyết xong, chờ trả kết quả',
  result_returned: 'Đã trả kết quả',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
};

const ON_TIME_VI: Record<OnTimeStatus, string | null> = {
  on_time: 'đúng hạn',
  late: 'trễ hạn',
  in_time: 'trong hạn',
  overdue: 'quá hạn',
  not_applicable: null,
};

const when = (instant: Date | null | undefined) => (instant ? viDateTime(instant) : '');

/**
 * One row. A dossier the desk received for another agency (a public administration centre's desk)
 * names the resolving agency it was forwarded to (its name from the agency tree, `resolvingAgencyName`),
 * and "Chuyển hồ sơ đến cơ quan giải quyết" is when it was forwarded.
 */
export function trackingBookRow(
  stt: number,
  dossier: TrackingBookDossier,
  procedure: Pick<ProcedureVersion, 'name' | 'decidingAgency'> | undefined,
  milestones: TrackingBookMilestones,
  now: Date,
  resolvingAgencyName?: string,
): TrackingBookRow {
  const forwarded = dossier.receivedForAnother === true;
  const resolving = `${resolvingAgencyName ?? procedure?.decidingAgency ?? dossier.agencyCode} (${dossier.agencyCode})`;
  const status = dossier.status as DossierStatus;
  const onTime =
    ON_TIME_VI[
      onTimeStatusOf({
        status,
        legalDueAt: dossier.legalDueAt ?? dossier.dueAt,
        finishedAt: dossier.finishedAt,
        now,
      })
    ];
  const note = [
    forwarded ? `Tiếp nhận thay, đã chuyển đến ${resolving}` : null,
    STATUS_VI[status] ?? status,
    onTime,
    dossier.extensionCount > 0
      ? `đã hẹn lại ngày trả kết quả (hạn theo quy định ${when(dossier.legalDueAt ?? dossier.dueAt)})`
      : null,
    dossier.isDemo ? 'dữ liệu minh họa' : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    stt,
    code: dossier.code,
    procedure: procedure?.name ?? dossier.procedureCode,
    sets: 1,
    applicant: dossier.organisationName
      ? `${dossier.organisationName} (${dossier.applicantName})`
      : dossier.applicantName,
    address: '',
    agency: forwarded ? resolving : (procedure?.decidingAgency ?? dossier.agencyCode),
    receivedAt: when(dossier.receivedAt),
    dueAt: when(dossier.dueAt),
    transferredAt: when(forwarded ? dossier.forwardedAt : milestones.transferredAt),
    processedAt: when(milestones.processedAt),
    returnedAt: when(dossier.returnedAt),
    note,
  };
}
