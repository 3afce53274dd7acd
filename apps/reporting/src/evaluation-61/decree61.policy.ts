/**
 * Đánh giá việc giải quyết TTHC (Decree 61/2018/NĐ-CP Art. 30-32, Circular 01/2018/TT-VPCP Art. 29-31):
 * nine indices per dossier, each 2, 1 or 0 points; an agency's score is the average over its dossiers.
 * Versioned policy data (DOMAIN.md: rules that a decree can change are data with their legal basis);
 * Decree 61 and Circular 01 were replaced in 2025 (Decree 118/2025, Circular 03/2025/TT-VPCP).
 */
export type Decree61IndexCode =
  | 'total_time' // Tổng thời gian giải quyết TTHC so với thời gian tối đa theo quy định
  | 'unit_time' // Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết
  | 'contacts' // Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ
  | 'agencies_contacted' // Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ
  | 'one_stop_desk' // Việc tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa
  | 'online_service' // Thực hiện dịch vụ công trực tuyến
  | 'publication' // Công khai thủ tục hành chính
  | 'feedback' // Tiếp thu, giải trình phản ánh, kiến nghị
  | 'satisfaction'; // Mức độ hài lòng

export type Decree61Index = { code: Decree61IndexCode; label: string; rule: string; missing?: string };
export type Band = { code: 'excellent' | 'good' | 'fair' | 'average' | 'weak'; label: string; from: number };

export type Decree61Policy = {
  version: string;
  legalBasis: string;
  effectiveFrom: string;
  /** Contacts (the submission plus each supplement request) that still earn 2 and 1 points. */
  contacts: { two: number; one: number };
  indices: Decree61Index[];
  /** Bands on the 18-point scale, highest first. */
  bands: Band[];
  maxPerIndex: number;
};

export const DECREE_61_POLICY: Decree61Policy = {
  version: '2018.1',
  legalBasis: 'Nghị định 61/2018/NĐ-CP Điều 30-32; Thông tư 01/2018/TT-VPCP Điều 29-31',
  effectiveFrom: '2019-01-06',
  contacts: { two: 1, one: 2 },
  maxPerIndex: 2,
  indices: [
    { code: 'total_time', label: 'Tổng thời gian giải quyết so với thời hạn', rule: 'trước hạn (finish on a day before the due day) 2; đúng hạn 1; quá hạn 0' },
    { code: 'unit_time', label: 'Thời gian thực hiện của từng đơn vị tham gia', rule: 'every completed step early 2; every step by its due date 1; any step late 0' },
    { code: 'contacts', label: 'Số lần liên hệ để hoàn thiện hồ sơ', rule: 'contacts = submission + supplement requests: ≤ 1 → 2; 2 → 1; ≥ 3 → 0' },
    {
      code: 'agencies_contacted', label: 'Số cơ quan, đơn vị phải liên hệ', rule: '1 → 2; 2 → 1; ≥ 3 → 0',
      missing: 'no event records which other agencies the applicant had to contact (inter-agency steps are internal transfers)',
    },
    {
      code: 'one_stop_desk', label: 'Tiếp nhận, trả kết quả tại Bộ phận Một cửa', rule: 'received and returned at the one-stop desk (or its online portal) 2; otherwise 0',
      missing: 'every dossier this system sees was received through the one-stop desk or its portal and no event reports receipts or returns outside it: a score would be a constant 2, not a measurement',
    },
    { code: 'online_service', label: 'Thực hiện dịch vụ công trực tuyến', rule: 'received online, procedure fully online (toàn trình) 2; online, partly online 1; otherwise 0' },
    {
      code: 'publication', label: 'Công khai thủ tục hành chính', rule: 'published completely and correctly 2; incompletely 1; not published 0',
      missing: 'catalog events do not report whether the published procedure record is complete at the desk and on the portal',
    },
    {
      code: 'feedback', label: 'Tiếp thu, giải trình phản ánh, kiến nghị', rule: 'no feedback, or feedback answered on time 2; answered late 1; not answered 0',
      missing: 'feedback events carry no dossier id, so feedback cannot be attached to the dossier it is about',
    },
    {
      code: 'satisfaction', label: 'Mức độ hài lòng', rule: 'satisfied 2; acceptable 1; dissatisfied 0',
      missing: 'no event carries the applicant\u2019s rating of a dossier',
    },
  ],
  bands: [
    { code: 'excellent', label: 'Xuất sắc', from: 15 },
    { code: 'good', label: 'Tốt', from: 12 },
    { code: 'fair', label: 'Khá', from: 9 },
    { code: 'average', label: 'Trung bình', from: 6 },
    { code: 'weak', label: 'Yếu', from: -Infinity },
  ],
};
