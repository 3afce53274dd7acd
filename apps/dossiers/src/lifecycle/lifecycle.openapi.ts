import { actionDoc, type ActionDoc } from '@motcua/http';
import { DOSSIER_ACTION_TABLE, type DossierAction } from './dossier-actions.table';

/** What each action is, in the words of docs/dossiers.md; its rules come from the action table. */
const SUMMARIES: Record<DossierAction, string> = {
  assign: 'Assign the current step to an officer (phân công)',
  'complete-step': 'Complete the step and pass to the next (hoàn thành bước)',
  'request-supplement': 'Request a supplement while processing (form 02)',
  'supplement-received': 'Record the supplement received (the clock restarts once all arrived)',
  extend: 'Apologise and set a new return date (form 04)',
  refuse: 'Refuse to settle the dossier (form 03)',
  'mark-processed': 'Mark the dossier processed (result ready)',
  'return-result': 'Return the result (desk, post or online)',
  withdraw: 'The applicant withdraws the dossier',
  stop: 'The agency stops processing',
  'stop-at-request': 'Stop at the applicant’s request (form 05)',
  transfer: 'Inter-agency: send the dossier to the next stage’s agencies',
  'accept-stage': 'Inter-agency: the receiving agency takes its stage',
  'hand-back': 'Inter-agency: the stage hands its result or documents back',
  'complete-stage-step': 'Inter-agency: complete an internal step of your agency’s stage',
};

const INTER_AGENCY =
  'the dossier’s procedure is inter-agency (một cửa liên thông, docs/inter-agency.md)';

const CONDITIONS: Partial<Record<DossierAction, string>> = {
  'complete-step': 'the procedure’s workflow has a next step',
  transfer: INTER_AGENCY,
  'accept-stage': INTER_AGENCY,
  'hand-back': INTER_AGENCY,
  'complete-stage-step': `${INTER_AGENCY}; the stage’s active step has a next step`,
};

/** One valid body per action (the OpenAPI test checks each against ACTION_BODIES). */
const EXAMPLES: Record<DossierAction, unknown> = {
  assign: { officerId: '6f1c1c2e-8d0a-4c8e-9b1e-3a1f0d2b7c55' },
  'complete-step': { note: 'Đã thẩm định hồ sơ' },
  'request-supplement': {
    missing: [{ documentCode: 'TP02', description: 'Bản sao giấy khai sinh' }],
    respondBy: '2026-12-15',
  },
  'supplement-received': { documents: [{ code: 'TP02', digitized: true }] },
  extend: {
    newDueDate: '2026-12-22',
    reason: 'Cần xác minh thêm với cơ quan liên quan',
    apologySlipNumber: '12/PXL',
  },
  refuse: { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] },
  'mark-processed': { resultType: 'GCN', electronicResult: true },
  'return-result': { method: 'online' },
  withdraw: { reason: 'Người nộp đề nghị rút hồ sơ' },
  stop: { reason: 'Hồ sơ giả mạo giấy tờ', legalBasis: 'Nghị định 118/2025/NĐ-CP' },
  'stop-at-request': { requestChannel: 'online', noticeNumber: '05/TB' },
  transfer: { agencyCodes: ['000.00.15.H26'], mode: 'electronic' },
  'accept-stage': {},
  'hand-back': { note: 'Đã xác nhận' },
  'complete-stage-step': { note: 'Đã xem xét quy hoạch' },
};

/** The OpenAPI operation of each action of POST /dossiers/{id}/actions/{action} (ADR 0024). */
export function describeDossierAction(action: string): ActionDoc {
  const name = action as DossierAction;
  return actionDoc(SUMMARIES[name], DOSSIER_ACTION_TABLE[name], {
    condition: CONDITIONS[name],
    example: EXAMPLES[name],
  });
}
