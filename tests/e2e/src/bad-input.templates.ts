import type { ServiceName } from '@motcua/contracts';

/**
 * One well-formed request per route that reads fields: the bad-input corpus breaks one field at a
 * time (blank, control characters, lone surrogates, overlong, wrong type, malformed code) and
 * expects a 400 problem naming that field. The path's ids name nothing, so a request that is
 * validated before any database work answers 400 whatever the id; one that reached the database
 * first would answer 404 and fail the corpus.
 */
export type Template = {
  service: ServiceName;
  method: 'GET' | 'POST' | 'PUT';
  /** The route as the OpenAPI document names it (`/dossiers/{id}/actions/refuse`). */
  path: string;
  /** Path parameters other than ids (those get an unknown uuid). */
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
};

const UUID = '00000000-0000-4000-8000-000000000000';
const HEX = 'ab'.repeat(32);
const DOSSIER = '000.00.15.H26-261130-0001';
const AGENCY = '000.00.15.H26';
const OTHER_AGENCY = '000.00.16.H26';
const DATE = '2026-11-30';
const cost = { workCostVnd: 100000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 10 };
const decision = { number: '12/2026/QĐ-UBND', signedOn: '2026-01-01', effectiveFrom: '2026-01-02' };

/** Keys whose value is human text: any non-blank text is valid there, so "malformed code" does not apply. */
export const TEXT_KEYS = new Set([
  'name',
  'reason',
  'reasons',
  'refusalReasons',
  'removedDocumentCodes',
  'responsibleUnitName',
  'description',
  'note',
  'bodyName',
  'title',
  'content',
  'answer',
  'agencyName',
  'issuingAgencyName',
  'address',
  'regulation',
  'by',
  'findings',
  'proposals',
  'legalBasis',
  'organisationName',
  'noticeNumber',
  'planReference',
  'reportReference',
  'number',
  'secret',
  'q',
  'filename',
]);
/** Optional filters where an empty value means "no filter". */
export const BLANK_ALLOWED = new Set(['q']);

const dossierActions: [string, Record<string, unknown>][] = [
  ['assign', { officerId: UUID }],
  ['complete-step', { note: 'Đã thẩm định', nextOfficerId: UUID }],
  [
    'request-supplement',
    {
      missing: [{ documentCode: 'BDKG', description: 'Bản sao chứng thực' }],
      respondBy: '2026-12-31',
      applicantFault: { reason: 'Kê khai sai' },
    },
  ],
  ['supplement-received', { documents: [{ code: 'BDKG', scanExemption: 'shown_only' }] }],
  ['extend', { newDueDate: '2026-12-31', reason: 'Cần thẩm định', apologySlipNumber: '04/PXL' }],
  ['refuse', { reasons: ['Không đủ điều kiện'] }],
  ['mark-processed', { resultType: 'GP', electronicResult: false }],
  ['return-result', { method: 'desk' }],
  ['withdraw', { reason: 'Rút hồ sơ' }],
  ['stop', { reason: 'Dừng xử lý', legalBasis: 'Điều 5 Nghị định 118/2025' }],
  ['stop-at-request', { requestChannel: 'online', reason: 'Xin dừng', noticeNumber: '05/TB' }],
  ['transfer', { agencyCodes: [OTHER_AGENCY], mode: 'electronic' }],
  ['accept-stage', { agencyCode: OTHER_AGENCY, officerId: UUID }],
  [
    'hand-back',
    {
      agencyCode: OTHER_AGENCY,
      handsOn: [{ kind: 'result', code: 'MST', name: 'Mã số thuế' }],
      note: 'Đã xong',
    },
  ],
  ['complete-stage-step', { agencyCode: OTHER_AGENCY, note: 'Đã xem xét', nextOfficerId: UUID }],
];

const feedbackActions: [string, Record<string, unknown>][] = [
  ['classify', { category: 'not_accepted', reason: 'Không thuộc thẩm quyền' }],
  ['forward', { agencyName: 'Sở Tư pháp', agencyCode: OTHER_AGENCY, note: 'Chuyển' }],
  ['assign', { unitCode: 'P.QLG', officerId: UUID }],
  ['request-info', { reason: 'Bổ sung thông tin' }],
  ['info-received', { note: 'Đã nhận' }],
  ['answer', { answer: 'Trả lời' }],
  ['return-answer', { reason: 'Chưa đạt' }],
];

const feedbackBody = {
  subject: { kind: 'regulation', regulation: 'Điều 5', procedureCode: '1.005432' },
  title: 'Thủ tục rườm rà',
  content: 'Nội dung phản ánh',
  contact: { name: 'Trần Văn A', phone: '0912345678', email: 'a@example.vn', address: 'Hà Nội' },
};

export const TEMPLATES: Template[] = [
  // catalog
  {
    service: 'catalog',
    method: 'PUT',
    path: '/agency-tree',
    body: {
      provinceCode: '000.00.00.H26',
      nodes: [
        { kind: 'province', code: '000.00.00.H26', name: 'Ủy ban nhân dân tỉnh' },
        { kind: 'department', code: AGENCY, name: 'Sở Tài chính', parentCode: '000.00.00.H26' },
        {
          kind: 'centre',
          code: '000.00.31.H26',
          name: 'Trung tâm Phục vụ hành chính công tỉnh',
          parentCode: '000.00.00.H26',
          receivesFor: [AGENCY],
        },
        { kind: 'unit', code: 'VP.MC', name: 'Bộ phận một cửa', parentCode: AGENCY },
      ],
    },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/review-campaigns',
    body: {
      name: 'Rà soát 2026',
      year: 2026,
      planReference: 'KH-01',
      domainCode: 'QLG',
      responsibleUnitName: 'Phòng QLG',
      deadline: '2026-12-31',
      procedureCodes: ['1.005432'],
    },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/review-campaigns/{id}/evaluations',
    body: {
      procedureCode: '1.005432',
      criteria: {
        necessity: { assessment: 'meets', findings: ['Cần thiết'] },
        reasonableness: { assessment: 'meets' },
        legality: { assessment: 'meets' },
        complianceCost: { assessment: 'partially_meets' },
      },
      conclusion: 'keep',
    },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/review-campaigns/{id}/proposals',
    body: {
      procedureCode: '1.005432',
      proposals: ['Bỏ bản sao'],
      removedDocumentCodes: ['BDKG'],
      cost: { current: cost, proposed: cost },
    },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/review-campaigns/{id}/close',
    body: { reportReference: 'BC-01' },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/publication-decisions',
    body: { decision: { ...decision, kind: 'abolished' }, code: '1.005432' },
  },
  {
    service: 'catalog',
    method: 'POST',
    path: '/procedure-groups',
    body: {
      decision: { ...decision, kind: 'new' },
      group: { code: 'LT.H26.001', name: 'Khai sinh', procedureCodes: ['1.005432', '1.005433'] },
    },
  },
  {
    service: 'catalog',
    method: 'GET',
    path: '/procedures',
    query: { q: 'khai sinh', domain: 'QLG', agency: AGENCY, level: 'province' },
  },
  {
    service: 'catalog',
    method: 'GET',
    path: '/procedure-groups',
    query: { procedureCode: '1.005432' },
  },
  // dossiers
  {
    service: 'dossiers',
    method: 'POST',
    path: '/dossiers',
    body: {
      procedureCode: '1.005432',
      channel: 'in_person',
      applicant: {
        type: 'business',
        personalId: '079203004567',
        name: 'Trần Văn A',
        organisationName: 'Công ty A',
      },
      documents: [{ code: 'BDKG' }],
      refusalReasons: ['Thiếu giấy tờ'],
    },
  },
  ...dossierActions.map(([action, body]): Template => ({
    service: 'dossiers',
    method: 'POST',
    // Each action is its own documented operation.
    path: `/dossiers/{id}/actions/${action}`,
    body,
  })),
  {
    service: 'dossiers',
    method: 'POST',
    path: '/dossiers/{id}/evaluation',
    body: { satisfaction: 'satisfied', officerConduct: 'proper', evaluatedAt: `${DATE}T08:00:00Z` },
  },
  {
    service: 'dossiers',
    method: 'POST',
    path: '/dossiers/{id}/contacts',
    body: { body: 'other_body', bodyName: 'Sở Xây dựng', contactedAt: `${DATE}T08:00:00Z` },
  },
  {
    service: 'dossiers',
    method: 'POST',
    path: '/portal/webhooks',
    body: { url: 'https://sync.portal.example/hook', secret: 'k'.repeat(40), from: 'now' },
  },
  {
    service: 'dossiers',
    method: 'POST',
    path: '/portal/webhooks/{id}/redeliver',
    body: { deliveryIds: ['1'] },
  },
  {
    service: 'dossiers',
    method: 'POST',
    path: '/admin/calendar-change/rederive',
    body: { dryRun: true, agencyCode: AGENCY },
  },
  { service: 'dossiers', method: 'GET', path: '/portal/changes', query: { after: '1.1' } },
  {
    service: 'dossiers',
    method: 'GET',
    path: '/tracking-book',
    query: { agencyCode: AGENCY, year: '2026' },
  },
  {
    service: 'dossiers',
    method: 'GET',
    path: '/public/dossiers/{code}',
    params: { code: DOSSIER },
    query: { secret: 'abcdefgh12' },
  },
  // feedback
  { service: 'feedback', method: 'POST', path: '/public/feedback', body: feedbackBody },
  {
    service: 'feedback',
    method: 'POST',
    path: '/feedback',
    body: {
      ...feedbackBody,
      channel: 'written',
      forwarded: { by: 'Văn phòng Chính phủ', latestForwardedAt: `${DATE}T08:00:00+07:00` },
    },
  },
  ...feedbackActions.map(([action, body]): Template => ({
    service: 'feedback',
    method: 'POST',
    // Each action is its own documented operation.
    path: `/feedback/{id}/actions/${action}`,
    body,
  })),
  {
    service: 'feedback',
    method: 'PUT',
    path: '/feedback/{id}/dossier-link',
    body: { dossierCode: DOSSIER, conduct: false, verification: 'pending', reason: 'Liên quan' },
  },
  {
    service: 'feedback',
    method: 'GET',
    path: '/public/feedback/answers',
    query: { q: 'thủ tục', limit: '10' },
  },
  {
    service: 'feedback',
    method: 'GET',
    path: '/feedback',
    query: { status: 'received', title: 'Thủ tục' },
  },
  // digitization
  {
    service: 'digitization',
    method: 'POST',
    path: '/documents',
    body: {
      dossierId: UUID,
      dossierCode: DOSSIER,
      applicantKey: HEX,
      documentCode: 'BDKG',
      fileSha256: HEX,
      filename: 'giay-phep.pdf',
      validUntil: '2027-01-01',
    },
  },
  {
    service: 'digitization',
    method: 'POST',
    path: '/results',
    body: {
      dossierId: UUID,
      dossierCode: DOSSIER,
      applicantKey: HEX,
      procedureCode: '1.005432',
      resultType: 'GP',
      number: '12/GP',
      issuedOn: DATE,
      issuingAgencyCode: AGENCY,
      issuingAgencyName: 'Sở Xây dựng',
      electronic: false,
    },
  },
  {
    service: 'digitization',
    method: 'POST',
    path: '/results/{id}/revocation',
    body: { revokedOn: DATE, reason: 'Cấp sai', decisionNumber: '15/QĐ' },
  },
  {
    service: 'digitization',
    method: 'POST',
    path: '/public/result-downloads',
    body: { dossierCode: DOSSIER, secret: 's'.repeat(20) },
  },
  {
    service: 'digitization',
    method: 'POST',
    path: '/dossiers/{dossierId}/reuses',
    body: { documentCode: 'BDKG', source: { kind: 'document', id: UUID } },
  },
  {
    service: 'digitization',
    method: 'GET',
    path: '/reuse-offers',
    query: { applicantKey: HEX, documentCode: 'BDKG' },
  },
  {
    service: 'digitization',
    method: 'GET',
    path: '/rates',
    query: { agencyCode: AGENCY, from: '2026-01-01', to: '2026-02-01' },
  },
  { service: 'digitization', method: 'GET', path: '/results', query: { dossierId: UUID } },
  { service: 'digitization', method: 'GET', path: '/documents', query: { dossierId: UUID } },
  // reporting
  {
    service: 'reporting',
    method: 'GET',
    path: '/figures',
    query: { agency: AGENCY, domain: 'QLG', period: 'range', from: '2026-01-01', to: DATE },
  },
  {
    service: 'reporting',
    method: 'GET',
    path: '/figures/overdue',
    query: { agency: AGENCY, unit: 'P.QLG', limit: '10' },
  },
  {
    service: 'reporting',
    method: 'GET',
    path: '/figures/review-campaigns',
    query: { domain: 'QLG' },
  },
  {
    service: 'reporting',
    method: 'GET',
    path: '/evaluation-61',
    query: { agency: AGENCY, period: 'quarter', date: DATE },
  },
];
