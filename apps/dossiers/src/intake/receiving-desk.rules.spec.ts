import type { Principal } from '@motcua/auth';
import { actionRefusal, allowedActionsOf, type ActionDossier } from '../lifecycle/action-rules';
import { receiptRefusal, type ReceiptDossier } from './receiving-desk.rules';

const RESOLVING = '000.00.15.H26'; // Sở Tài chính
const CENTRE = '000.31.05.H26'; // a commune's centre, not acting for it
const officer = (roles: Principal['roles'], agency: string): Principal => ({
  subject: `${roles[0]}-${agency}`,
  roles,
  agency,
  unit: 'VP.MC',
});
const forwarded = (place: string | null = null): ReceiptDossier => ({
  agencyCode: RESOLVING,
  receivingAgencyCode: CENTRE,
  forwardedAt: new Date('2026-12-03T02:00:00Z'),
  resultReturnPlace: place,
});

describe('receipt at any desk: the receiving desk follows, the resolving agency acts', () => {
  it('a dossier received by a desk acting for the resolving agency has no such rule', () => {
    const own = { ...forwarded(), forwardedAt: null, receivingAgencyCode: RESOLVING };
    expect(receiptRefusal('assign', own, officer(['desk_officer'], RESOLVING))).toBeNull();
    expect(receiptRefusal('return-result', own, officer(['desk_officer'], RESOLVING))).toBeNull();
  });

  it('the receiving desk takes the applicant’s side of the desk and nothing else', () => {
    const desk = officer(['desk_officer'], CENTRE);
    for (const action of ['supplement-received', 'withdraw', 'stop-at-request'])
      expect(receiptRefusal(action, forwarded(), desk)).toBeNull();
    for (const action of ['assign', 'request-supplement', 'transfer', 'mark-processed', 'refuse'])
      expect(receiptRefusal(action, forwarded(), officer(['leader'], CENTRE))).toMatchObject({
        httpStatus: 403,
        type: 'receiving-desk-scope',
      });
    expect(receiptRefusal('assign', forwarded(), officer(['leader'], RESOLVING))).toBeNull();
  });

  it('returns the result where the applicant chose: desk and post by the receiving desk, else the resolving agency', () => {
    const centre = officer(['desk_officer'], CENTRE);
    const resolving = officer(['desk_officer'], RESOLVING);
    for (const place of [null, 'receiving_desk', 'post']) {
      expect(receiptRefusal('return-result', forwarded(place), centre)).toBeNull();
      expect(receiptRefusal('return-result', forwarded(place), resolving)).toMatchObject({
        type: 'return-place',
      });
    }
    expect(receiptRefusal('return-result', forwarded('resolving_agency'), resolving)).toBeNull();
    expect(receiptRefusal('return-result', forwarded('resolving_agency'), centre)).toMatchObject({
      type: 'return-place',
      detail: expect.stringContaining(RESOLVING),
    });
    // The portal returns online as for any dossier.
    const portal: Principal = { subject: 'portal', roles: ['portal_client'] };
    expect(receiptRefusal('return-result', forwarded(), portal)).toBeNull();
  });

  it('the dossier view offers the receiving desk exactly what the actions accept', () => {
    const now = new Date('2026-12-03T03:00:00Z');
    const dossier: ActionDossier = {
      status: 'processed',
      receivedAt: new Date('2026-12-03T02:00:00Z'),
      dueAt: new Date('2026-12-10T10:00:00Z'),
      extensionCount: 0,
      createdBy: 'desk',
      currentStepOrder: 1,
      steps: [{ order: 1, status: 'active', unitCode: 'VP.MC' }],
      ...forwarded(),
    };
    const desk = officer(['desk_officer'], CENTRE);
    expect(allowedActionsOf(dossier, desk, now)).toEqual(['return-result']);
    expect(
      actionRefusal('return-result', dossier, officer(['desk_officer'], RESOLVING), now),
    ).toMatchObject({
      httpStatus: 403,
      type: 'return-place',
    });
  });
});
