import type { Principal } from '@motcua/auth';
import { actionRefusal, allowedActionsOf, type ActionDossier } from './action-rules';

const leader: Principal = { subject: 'leader-1', roles: ['leader'], unit: 'P.QLG' };
const desk: Principal = { subject: 'desk-1', roles: ['desk_officer'], unit: 'VP.MC' };
const steps = [
  { order: 1, status: 'completed', unitCode: 'VP.MC' },
  { order: 2, status: 'active', unitCode: 'P.QLG' },
  { order: 3, status: 'pending', unitCode: 'VP.MC' },
];
const dossier = (o: Partial<ActionDossier> = {}): ActionDossier => ({
  status: 'processing',
  receivedAt: new Date('2026-11-30T01:30:00Z'),
  dueAt: new Date('2026-12-07T10:00:00Z'),
  extensionCount: 0,
  createdBy: 'citizen-1',
  currentStepOrder: 2,
  steps,
  ...o,
});
const at = (iso: string) => new Date(iso);

describe('action rules: allowedActions is exactly the set of actions actionRefusal lets run', () => {
  it('offers a first extension, not a second (form 04 at most once, unverified under Decree 118)', () => {
    expect(allowedActionsOf(dossier(), leader, at('2026-12-01T02:00:00Z'))).toContain('extend');
    expect(
      allowedActionsOf(dossier({ extensionCount: 1 }), leader, at('2026-12-01T02:00:00Z')),
    ).not.toContain('extend');
    expect(
      actionRefusal('extend', dossier({ extensionCount: 1 }), leader, at('2026-12-01T02:00:00Z')),
    ).toMatchObject({ httpStatus: 422, errors: [{ rule: 'at-most-once' }] });
  });

  it('offers an extension up to the day before the date in force, not on it', () => {
    expect(allowedActionsOf(dossier(), leader, at('2026-12-06T16:59:00Z'))).toContain('extend'); // 6/12 23:59 local
    expect(actionRefusal('extend', dossier(), leader, at('2026-12-06T17:00:00Z'))).toMatchObject({
      errors: [{ rule: 'notice-before-due' }],
    });
  });

  it('offers a supplement request within 3 working days of receipt only (received Mon 30/11/2026)', () => {
    expect(allowedActionsOf(dossier(), leader, at('2026-12-03T09:00:00Z'))).toContain(
      'request-supplement',
    ); // Thu 3/12: 3 days
    expect(allowedActionsOf(dossier(), leader, at('2026-12-04T02:00:00Z'))).not.toContain(
      'request-supplement',
    ); // Fri 4/12: 4 days
    expect(
      actionRefusal('request-supplement', dossier(), leader, at('2026-12-04T02:00:00Z')),
    ).toMatchObject({ errors: [{ rule: 'supplement-request-window' }] });
  });

  it('offers the stop at the applicant’s request from 1/7/2025 receipts only, never after processing (Decree 118 Art. 21)', () => {
    const now = at('2026-12-01T02:00:00Z');
    expect(allowedActionsOf(dossier(), desk, now)).toContain('stop-at-request');
    expect(allowedActionsOf(dossier({ status: 'processed' }), desk, now)).not.toContain(
      'stop-at-request',
    );
    const june = dossier({ receivedAt: new Date('2025-06-30T09:00:00Z') });
    expect(actionRefusal('stop-at-request', june, desk, now)).toMatchObject({
      httpStatus: 422,
      errors: [{ rule: 'stop-at-request-regime' }],
    });
    expect(allowedActionsOf(june, desk, now)).toContain('withdraw');
    // The boundary is the local date of receipt: 23:59 on 30/6/2025 vs 00:00 on 1/7/2025 (UTC+7).
    expect(
      allowedActionsOf(dossier({ receivedAt: new Date('2025-06-30T16:59:59Z') }), desk, now),
    ).not.toContain('stop-at-request');
    expect(
      allowedActionsOf(dossier({ receivedAt: new Date('2025-06-30T17:00:00Z') }), desk, now),
    ).toContain('stop-at-request');
  });

  it('keeps a citizen to their own dossier and a specialist to the unit of the current step', () => {
    const citizen = { subject: 'citizen-2', roles: ['citizen'] } as Principal;
    expect(actionRefusal('withdraw', dossier(), citizen, at('2026-12-01T02:00:00Z'))).toMatchObject(
      { httpStatus: 403, type: 'not-your-dossier' },
    );
    expect(allowedActionsOf(dossier(), citizen, at('2026-12-01T02:00:00Z'))).toEqual([]);
    const elsewhere = { subject: 's', roles: ['specialist'], unit: 'P.KHAC' } as Principal;
    expect(
      actionRefusal('mark-processed', dossier(), elsewhere, at('2026-12-01T02:00:00Z')),
    ).toMatchObject({ httpStatus: 403, type: 'unit-scope' });
    expect(allowedActionsOf(dossier(), elsewhere, at('2026-12-01T02:00:00Z'))).toEqual([]);
  });
});
