import type { Role } from '@motcua/auth';
import type { DossierStatus } from '../dossier/dossier-status';

/** Every action on a received dossier (the intake itself is POST /dossiers). */
export const DOSSIER_ACTIONS = [
  'assign', // tiếp nhận / phân công: the current step goes to an officer
  'complete-step', // hoàn thành bước, chuyển bước tiếp theo
  'request-supplement', // yêu cầu bổ sung trong quá trình xử lý (form 02)
  'supplement-received', // nhận hồ sơ bổ sung: the clock restarts once every requested item has arrived
  'extend', // xin lỗi và hẹn lại ngày trả (form 04)
  'refuse', // từ chối giải quyết (form 03)
  'mark-processed', // đã xử lý xong
  'return-result', // trả kết quả (desk, post, online)
  'withdraw', // công dân rút hồ sơ
  'stop', // dừng xử lý (by the agency)
  'stop-at-request', // dừng giải quyết theo đề nghị của người nộp hồ sơ (Circular 03/2025 form 05)
  'transfer', // liên thông: chuyển hồ sơ đến cơ quan của bước liên thông tiếp theo
  'accept-stage', // liên thông: cơ quan phối hợp tiếp nhận hồ sơ được chuyển đến
  'hand-back', // liên thông: cơ quan phối hợp trả kết quả / hồ sơ của bước (an external one: entered by the lead agency)
  'complete-stage-step', // liên thông: hoàn thành một bước nội bộ của cơ quan trong giai đoạn của mình
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type ActionRule = {
  /** Statuses the action may start from. */
  from: readonly DossierStatus[];
  /** Roles that may perform it. */
  roles: readonly Role[];
  /** Status after the action (the same status when it stays). */
  to: DossierStatus | 'same';
  /** An extra condition on the dossier's workflow. */
  when?: (context: ActionContext) => boolean;
};

export type ActionContext = {
  hasNextStep: boolean;
  /** The dossier's procedure is inter-agency (một cửa liên thông): it has stages. */
  interAgency?: boolean;
};

const OPEN: readonly DossierStatus[] = ['received', 'processing'];

/** THE table of the lifecycle: which action is allowed in which status, for which role. */
export const DOSSIER_ACTION_TABLE: Record<DossierAction, ActionRule> = {
  assign: { from: OPEN, roles: ['desk_officer', 'specialist', 'leader'], to: 'processing' },
  'complete-step': {
    from: ['processing'],
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'same',
    when: (c) => c.hasNextStep,
  },
  'request-supplement': {
    from: OPEN,
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'supplement_requested',
  },
  'supplement-received': {
    from: ['supplement_requested'],
    roles: ['desk_officer', 'citizen', 'portal_client'],
    to: 'processing',
  },
  extend: { from: ['processing'], roles: ['leader'], to: 'same' },
  refuse: { from: OPEN, roles: ['specialist', 'leader'], to: 'refused' },
  'mark-processed': { from: ['processing'], roles: ['specialist', 'leader'], to: 'processed' },
  'return-result': {
    from: ['processed'],
    roles: ['desk_officer', 'portal_client'],
    to: 'result_returned',
  },
  withdraw: {
    from: ['received', 'processing', 'supplement_requested'],
    roles: ['citizen', 'portal_client', 'desk_officer'],
    to: 'withdrawn',
  },
  stop: {
    from: ['received', 'processing', 'supplement_requested'],
    roles: ['leader'],
    to: 'stopped',
  },
  // Only while no decision or result notice exists: not once processed (Decree 118 Art. 21(1)).
  'stop-at-request': {
    from: ['received', 'processing', 'supplement_requested'],
    roles: ['desk_officer', 'citizen', 'portal_client'],
    to: 'stopped',
  },
  // Stages of an inter-agency dossier; who holds which stage: stages/stage-authority.rules.ts.
  transfer: {
    from: OPEN,
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'processing',
    when: (c) => c.interAgency === true,
  },
  'accept-stage': {
    from: ['processing'],
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'same',
    when: (c) => c.interAgency === true,
  },
  'hand-back': {
    from: ['processing'],
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'same',
    when: (c) => c.interAgency === true,
  },
  'complete-stage-step': {
    from: ['processing'],
    roles: ['desk_officer', 'specialist', 'leader'],
    to: 'same',
    when: (c) => c.interAgency === true,
  },
};

export function isAction(value: string): value is DossierAction {
  return (DOSSIER_ACTIONS as readonly string[]).includes(value);
}

export function mayPerform(action: DossierAction, roles: readonly Role[]): boolean {
  return DOSSIER_ACTION_TABLE[action].roles.some((role) => roles.includes(role));
}

/** Does the table let the action start from this status (and workflow position)? Roles aside. */
export function statusAllows(
  action: DossierAction,
  status: DossierStatus,
  context: ActionContext,
): boolean {
  const rule = DOSSIER_ACTION_TABLE[action];
  return rule.from.includes(status) && (rule.when?.(context) ?? true);
}

/**
 * The actions the table alone allows for these roles, in the table's order. The dossier view and
 * the action itself use `action-rules.ts`, which adds ownership, unit scope and the timing rules.
 */
export function tableActions(
  status: DossierStatus,
  roles: readonly Role[],
  context: ActionContext,
): DossierAction[] {
  return DOSSIER_ACTIONS.filter(
    (action) => statusAllows(action, status, context) && mayPerform(action, roles),
  );
}

export function statusAfter(action: DossierAction, current: DossierStatus): DossierStatus {
  const to = DOSSIER_ACTION_TABLE[action].to;
  return to === 'same' ? current : to;
}
