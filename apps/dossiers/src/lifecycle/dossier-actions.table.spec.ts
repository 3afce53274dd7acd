import {
  DOSSIER_ACTIONS,
  DOSSIER_ACTION_TABLE,
  tableActions,
  statusAfter,
} from './dossier-actions.table';

describe('the dossier action table', () => {
  it('has a rule for every action and nothing else', () => {
    expect(Object.keys(DOSSIER_ACTION_TABLE).sort()).toEqual([...DOSSIER_ACTIONS].sort());
  });

  it('lets a leader extend, refuse, stop and process a dossier in processing', () => {
    expect(tableActions('processing', ['leader'], { hasNextStep: true })).toEqual([
      'assign',
      'complete-step',
      'request-supplement',
      'extend',
      'refuse',
      'mark-processed',
      'stop',
    ]);
  });

  it('hides complete-step on the last step', () => {
    expect(tableActions('processing', ['specialist'], { hasNextStep: false })).not.toContain(
      'complete-step',
    );
  });

  it('allows nothing on finished dossiers', () => {
    for (const status of [
      'result_returned',
      'withdrawn',
      'stopped',
      'refused',
      'not_received',
      'intake_supplement',
    ] as const) {
      expect(
        tableActions(status, ['desk_officer', 'specialist', 'leader', 'citizen', 'portal_client'], {
          hasNextStep: true,
        }),
      ).toEqual([]);
    }
  });

  it('lets the applicant only withdraw or bring the supplement', () => {
    expect(tableActions('supplement_requested', ['citizen'], { hasNextStep: true })).toEqual([
      'supplement-received',
      'withdraw',
      'stop-at-request',
    ]);
    expect(tableActions('processed', ['citizen'], { hasNextStep: false })).toEqual([]);
  });

  it('gives the status after each action', () => {
    expect(statusAfter('assign', 'received')).toBe('processing');
    expect(statusAfter('extend', 'processing')).toBe('processing');
    expect(statusAfter('return-result', 'processed')).toBe('result_returned');
  });
});
