/**
 * Đánh giá việc giải quyết TTHC under Decree 61/2018/NĐ-CP (amended by Decree 107/2021) and Circular
 * 01/2018/TT-VPCP: nine indices, 2/1/0 points each. Versioned policy data: it applies to dossiers RECEIVED
 * from `effectiveFrom` to `effectiveTo`; for dossiers received from 1/7/2025 (Decree 118/2025/NĐ-CP) no
 * text is known on whether a per-dossier evaluation survives, so none is applied (docs/legal-rules.md).
 */
export type Decree61IndexCode =
  | 'total_time' // 1 Tổng thời gian giải quyết TTHC so với thời gian quy định
  | 'agency_time' // 2 Thời gian của từng cơ quan, đơn vị tham gia giải quyết (kể cả phối hợp)
  | 'contacts' // 3 Số lần phải liên hệ để hoàn thiện hồ sơ
  | 'agencies_contacted' // 4 Số cơ quan, đơn vị, tổ chức phải liên hệ
  | 'one_stop_desk' // 5 Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa
  | 'publication' // 6 Công khai TTHC
  | 'officer_attitude' // 7 Thái độ của CBCCVC
  | 'feedback_handling' // 8 Tiếp thu, giải trình PAKN
  | 'online_service'; // 9 Tiến độ và chất lượng cung cấp DVCTT

export type Decree61Index = {
  number: number;
  code: Decree61IndexCode;
  label: string;
  /** Scored per dossier, or once per agency for the period. */
  scope: 'dossier' | 'agency';
  rule: string;
  /** Why the events cannot give this index (then it is never computed). */
  missing?: string;
  /** The index is computed from an approximation of its inputs (said in the answer). */
  approximation?: string;
};
export type Band = {
  code: 'excellent' | 'good' | 'fair' | 'average' | 'weak';
  label: string;
  from: number;
};

export type Decree61Policy = {
  version: string;
  legalBasis: string;
  /** Dossiers received on these local dates (inclusive) are evaluated under this policy. */
  effectiveFrom: string;
  effectiveTo: string;
  indices: Decree61Index[];
  /** Index 8: share of PAKN answered on time for 2 and 1 points (none prolonged). */
  feedback: { two: number; one: number };
  /** Index 9: share of procedures offered online (level 3-4), share of dossiers received online for 2 and 1 points. */
  online: { procedureShare: number; dossierShareTwo: number; dossierShareOne: number };
  /** Bands on 18 points, highest first (boundaries unverified); read only when all nine indices are computed. */
  bands: Band[];
  maxPerIndex: number;
};

export const DECREE_61_POLICY: Decree61Policy = {
  version: '2018.2',
  legalBasis:
    'Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); Thông tư 01/2018/TT-VPCP (điều khoản chưa đối chiếu)',
  effectiveFrom: '2019-01-06',
  effectiveTo: '2025-06-30',
  maxPerIndex: 2,
  feedback: { two: 1, one: 0.9 },
  online: { procedureShare: 0.2, dossierShareTwo: 0.3, dossierShareOne: 0.15 },
  indices: [
    {
      number: 1,
      code: 'total_time',
      label: 'Tổng thời gian giải quyết so với thời gian quy định',
      scope: 'dossier',
      rule: 'finished on a day before the LEGAL due date (time limit by law, with supplement restarts; never the date promised after an apology) 2; by it 1; after it 0',
    },
    {
      number: 2,
      code: 'agency_time',
      label: 'Thời gian của từng cơ quan, đơn vị tham gia giải quyết',
      scope: 'dossier',
      rule: 'each participant early 2; each by its time 1; any late 0',
      approximation:
        'events report workflow steps of the receiving agency against step due dates derived from the time limit, not each participating agency against its approved internal time',
    },
    {
      number: 3,
      code: 'contacts',
      label: 'Số lần phải liên hệ để hoàn thiện hồ sơ',
      scope: 'dossier',
      rule: 'supplement requests at intake and during processing, except those caused by the applicant’s own fault: none 2; one 1; more than one 0',
    },
    {
      number: 4,
      code: 'agencies_contacted',
      label: 'Số cơ quan, đơn vị, tổ chức phải liên hệ',
      scope: 'dossier',
      rule: 'no body 2; only the one-stop desk (plus bodies the law makes the applicant attend) 1; more than one 0 — from recorded contacts and the applicant’s answer, the lower of the two',
    },
    {
      number: 5,
      code: 'one_stop_desk',
      label: 'Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
      scope: 'agency',
      rule: 'the desk itself receives, appraises and approves ≥20 % of listed procedures (province), ≥50 % (district), 100 % (commune) 2; 100 % of procedures not excluded by Art. 14(5)(a)-(b) received and returned at the desk 1; otherwise 0',
      missing:
        'no event says which procedures the desk itself appraises and approves, nor which procedures are excluded from the desk',
    },
    {
      number: 6,
      code: 'publication',
      label: 'Công khai thủ tục hành chính',
      scope: 'dossier',
      rule: 'accurate, full and timely by posting and electronically 2; by one of them 1; not 0 — the applicant’s answer',
    },
    {
      number: 7,
      code: 'officer_attitude',
      label: 'Thái độ của cán bộ, công chức, viên chức',
      scope: 'dossier',
      rule: 'handled before the legal due day and no PAKN on harassment or misconduct 2; on time and none 1; such a PAKN (unless verified untrue) or late 0 — scored where the applicant evaluated the dossier or a PAKN is linked to it',
    },
    {
      number: 8,
      code: 'feedback_handling',
      label: 'Tiếp thu, giải trình phản ánh, kiến nghị',
      scope: 'agency',
      rule: 'no PAKN or 100 % answered on time, none prolonged 2; ≥ 90 % on time, none prolonged 1; < 90 % or any prolonged (unanswered past its limit) 0',
    },
    {
      number: 9,
      code: 'online_service',
      label: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
      scope: 'agency',
      rule: '≥ 20 % of the agency’s procedures online (partial or full), ≥ 30 % of dossiers received online, no online dossier late or unresolved past its legal due date 2; some procedure online, 15-<30 % online, none late 1; otherwise 0',
      approximation:
        'every procedure of the agency in force counts as eligible; levels 3-4 are read as partly or fully online',
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

/** The policies in force by date of receipt: the only one known ends on 2025-06-30. */
export const DECREE_61_POLICIES: readonly Decree61Policy[] = [DECREE_61_POLICY];

/** Why dossiers received from 1/7/2025 get no per-dossier evaluation (said in every answer). */
export const NOT_APPLIED_FROM_2025_07 =
  'Dossiers received from 2025-07-01 fall under Decree 118/2025/NĐ-CP; no text is known on whether the nine-index per-dossier evaluation of Decree 61/2018 and Circular 01/2018 survives, nor its indices or bands, so none is applied to them (the real-time evaluation in force is the Decision 766 index, GET /index-766).';

/** The policy for a date of receipt (YYYY-MM-DD), or undefined when none applies. */
export function decree61PolicyOn(receivedOn: string): Decree61Policy | undefined {
  return DECREE_61_POLICIES.find(
    (p) => p.effectiveFrom <= receivedOn && receivedOn <= p.effectiveTo,
  );
}
