import type { Principal, Role } from '@motcua/auth';
import type { DossierStatus } from '../dossier/dossier-status';

/**
 * Recording an inter-agency contact (ghi nhận liên hệ liên cơ quan), in the shape of the lifecycle's
 * action table: the statuses it may be recorded in and the roles that may record it. It does not change
 * the dossier's status. A contact belongs to a received dossier, open or decided (it may be entered
 * after the result, from the control sheet); not to one that ended at intake.
 */
export const CONTACT_RULE: { from: readonly DossierStatus[]; roles: readonly Role[] } = {
  from: [
    'received',
    'processing',
    'supplement_requested',
    'processed',
    'result_returned',
    'refused',
    'withdrawn',
    'stopped',
  ],
  roles: ['desk_officer', 'specialist', 'leader'],
};

export type ContactViolation = {
  status: 403 | 409 | 422;
  type: string;
  title: string;
  field: string;
  rule: string;
  message: string;
};

/** Why the contact may not be recorded on this dossier now (pure; the service runs it under the row lock), or null. */
export function contactViolation(
  input: { status: DossierStatus; receivedAt: Date; contactedAt?: string; now: Date },
  principal: Principal,
): ContactViolation | null {
  if (!CONTACT_RULE.roles.some((role) => principal.roles.includes(role))) {
    return {
      status: 403,
      type: 'action-role',
      title: 'Your role may not record a contact',
      field: 'dossier',
      rule: 'role',
      message: `contacts are recorded by ${CONTACT_RULE.roles.join(', ')}`,
    };
  }
  if (!CONTACT_RULE.from.includes(input.status)) {
    return {
      status: 409,
      type: 'action-not-allowed',
      title: 'No contact can be recorded in the dossier’s current status',
      field: 'dossier',
      rule: 'received-dossier',
      message: `a contact is recorded on a received dossier; this one is ${input.status}`,
    };
  }
  if (input.contactedAt !== undefined) {
    const at = Date.parse(input.contactedAt);
    if (at > input.now.getTime()) {
      return validation('not-future', 'the contact cannot be dated in the future');
    }
    if (at < input.receivedAt.getTime()) {
      return validation(
        'after-receipt',
        'the contact cannot be dated before the dossier was received',
      );
    }
  }
  return null;
}

const validation = (rule: string, message: string): ContactViolation => ({
  status: 422,
  type: 'validation',
  title: 'Invalid contact',
  field: 'body.contactedAt',
  rule,
  message,
});
