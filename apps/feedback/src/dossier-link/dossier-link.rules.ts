import type { FieldViolation } from '@motcua/http';
import type { FeedbackStatus } from '../feedback/feedback-status';

/**
 * The rules of a link that depend on what the service knows (pure; the service reads the facts):
 * the code names a received dossier; a conduct complaint's verification is concluded only on a
 * conduct complaint; a repeat names another, existing feedback item; a refused item (not accepted)
 * links nothing.
 */
export function dossierLinkViolations(input: {
  feedbackId: string;
  status: FeedbackStatus;
  dossierKnown: boolean;
  conduct: boolean;
  verification: 'pending' | 'confirmed' | 'untrue';
  repeatOf?: string;
  repeatKnown: boolean;
}): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (input.status === 'refused')
    violations.push({
      field: 'feedback',
      rule: 'accepted-feedback',
      message: 'a feedback item that was not accepted is not linked to a dossier',
    });
  if (!input.dossierKnown)
    violations.push({
      field: 'body.dossierCode',
      rule: 'known-dossier',
      message: 'no received dossier has this code',
    });
  if (!input.conduct && input.verification !== 'pending')
    violations.push({
      field: 'body.verification',
      rule: 'conduct-only',
      message: 'only a complaint about an officer’s conduct is verified (confirmed or untrue)',
    });
  if (input.repeatOf !== undefined && (input.repeatOf === input.feedbackId || !input.repeatKnown))
    violations.push({
      field: 'body.repeatOf',
      rule: 'known-feedback',
      message: 'must name another existing feedback item',
    });
  return violations;
}
