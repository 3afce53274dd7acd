import type { Principal } from '@motcua/auth';

/**
 * Receipt at any desk (docs/inter-agency.md "Receipt at any desk"; receipt does not depend on
 * administrative boundaries, Decree 118/2025, docs/legal-rules.md): a public administration
 * centre's desk may receive a dossier of an agency it does not act for; it forwards the dossier to
 * the resolving agency (`forwardedAt`), follows it, takes the applicant's supplement, withdrawal or
 * stop request, and returns the result where the applicant chose. The resolving agency acts on it.
 * Read by action-rules.ts, so that the action and `allowedActions` agree.
 */

/** What the rules read of a dossier. */
export type ReceiptDossier = {
  /** The resolving agency. */
  agencyCode?: string;
  receivingAgencyCode?: string | null;
  forwardedAt?: Date | null;
  resultReturnPlace?: string | null;
};

export type ReceiptRefusal = {
  httpStatus: 403;
  type: 'receiving-desk-scope' | 'return-place';
  title: string;
  detail: string;
};

/** What the receiving desk of a forwarded dossier may do: the applicant's side of the desk. */
export const RECEIVING_DESK_ACTIONS: readonly string[] = [
  'supplement-received',
  'withdraw',
  'stop-at-request',
  'return-result',
];

/** The caller is an officer of the desk that received and forwarded the dossier. */
export function isReceivingDesk(dossier: ReceiptDossier, principal: Principal): boolean {
  return (
    Boolean(dossier.forwardedAt) &&
    principal.agency !== undefined &&
    principal.agency === dossier.receivingAgencyCode &&
    principal.agency !== dossier.agencyCode
  );
}

const officer = (p: Principal) =>
  p.roles.some((r) => r === 'desk_officer' || r === 'specialist' || r === 'leader');

/**
 * Why the principal may not run `action` on a forwarded dossier (null when it may, or when the
 * dossier was received by a desk acting for the resolving agency):
 * - the receiving desk runs only RECEIVING_DESK_ACTIONS (403 `receiving-desk-scope`);
 * - an officer returns the result only where the applicant chose: the receiving desk for
 *   `receiving_desk` and `post` (it follows the whole dossier), the resolving agency for
 *   `resolving_agency` (403 `return-place`); the portal returns online as for any dossier.
 */
export function receiptRefusal(
  action: string,
  dossier: ReceiptDossier,
  principal: Principal,
): ReceiptRefusal | null {
  if (!dossier.forwardedAt) return null;
  const desk = isReceivingDesk(dossier, principal);
  if (action === 'return-result') {
    if (!officer(principal)) return null;
    const place = dossier.resultReturnPlace ?? 'receiving_desk';
    const byDesk = place !== 'resolving_agency';
    if (desk === byDesk) return null;
    return {
      httpStatus: 403,
      type: 'return-place',
      title: 'The result is returned where the applicant chose',
      detail: `return-result: the applicant chose ${place}; the result is returned by ${
        byDesk
          ? `the receiving desk ${dossier.receivingAgencyCode}`
          : `the resolving agency ${dossier.agencyCode}`
      }.`,
    };
  }
  if (!desk || RECEIVING_DESK_ACTIONS.includes(action)) return null;
  return {
    httpStatus: 403,
    type: 'receiving-desk-scope',
    title: 'The receiving desk follows the dossier; the resolving agency acts on it',
    detail: `${action} is for the resolving agency ${dossier.agencyCode}; your desk ${principal.agency} received and forwarded the dossier (it may ${RECEIVING_DESK_ACTIONS.join(', ')}).`,
  };
}
