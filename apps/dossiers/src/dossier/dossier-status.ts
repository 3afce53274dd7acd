import type { PortalStatusCode, ScanExemption } from '@motcua/contracts';

/**
 * Internal status of a dossier (hồ sơ). Each maps to one national-portal status code (1-10).
 * `intake_supplement` and `not_received` end the intake without a receipt: the applicant
 * comes back with a new application.
 */
export type DossierStatus =
  | 'received' // đã tiếp nhận, chờ phân công
  | 'processing' // đang xử lý
  | 'supplement_requested' // yêu cầu bổ sung (trong quá trình xử lý; đồng hồ dừng)
  | 'intake_supplement' // yêu cầu bổ sung khi tiếp nhận (chưa tiếp nhận)
  | 'not_received' // từ chối tiếp nhận
  | 'refused' // từ chối giải quyết sau khi tiếp nhận
  | 'processed' // đã xử lý xong, chờ trả kết quả
  | 'result_returned' // đã trả kết quả
  | 'withdrawn' // công dân rút hồ sơ
  | 'stopped'; // dừng xử lý

export const PORTAL_STATUS_OF: Record<DossierStatus, PortalStatusCode> = {
  received: 2,
  processing: 4,
  supplement_requested: 5,
  intake_supplement: 5,
  not_received: 3,
  refused: 8,
  processed: 9,
  result_returned: 10,
  withdrawn: 7,
  stopped: 8,
};

export type DossierChannel = 'in_person' | 'online' | 'postal';
export type ApplicantType = 'citizen' | 'business' | 'state_body' | 'organisation';
export type SubmittedDocument = {
  code: string;
  digitized: boolean;
  reused: boolean;
  scanExemption?: ScanExemption;
};
export type MissingItem = { documentCode?: string; description: string };
