import { dossierLinkViolations } from './dossier-link.rules';

const base = {
  feedbackId: '3f6b2d8e-1c4a-4e7b-9d2f-8a1b0c9d7e65',
  status: 'accepted' as const,
  dossierKnown: true,
  conduct: true,
  verification: 'pending' as const,
  repeatKnown: false,
};

describe('linking a feedback item to a dossier (PAKN về hồ sơ)', () => {
  it('links an accepted item to a received dossier, its conduct complaint pending or verified', () => {
    expect(dossierLinkViolations(base)).toEqual([]);
    expect(dossierLinkViolations({ ...base, verification: 'untrue' })).toEqual([]);
  });

  it('names the field of each broken rule', () => {
    const rules = (input: Partial<Parameters<typeof dossierLinkViolations>[0]>) =>
      dossierLinkViolations({ ...base, ...input }).map((v) => `${v.field}:${v.rule}`);
    expect(rules({ dossierKnown: false })).toEqual(['body.dossierCode:known-dossier']);
    expect(rules({ conduct: false, verification: 'confirmed' })).toEqual([
      'body.verification:conduct-only',
    ]);
    expect(rules({ repeatOf: base.feedbackId, repeatKnown: true })).toEqual([
      'body.repeatOf:known-feedback',
    ]);
    expect(rules({ repeatOf: '7a4e2c1b-9d3f-4b6a-8e5c-0f1d2a3b4c5d' })).toEqual([
      'body.repeatOf:known-feedback',
    ]);
    expect(rules({ status: 'refused' })).toEqual(['feedback:accepted-feedback']);
  });
});
