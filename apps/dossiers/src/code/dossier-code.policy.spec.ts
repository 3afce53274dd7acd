import { formatDossierCode } from '@motcua/contracts';
import {
  DOSSIER_CODE_POLICIES,
  dossierCodePolicyOn,
  leadingAgencyCode,
} from './dossier-code.policy';

describe('dossier code policy (Circular 03/2025 Art. 13; Circular 01/2018 to 30/6/2025)', () => {
  it('switches from the Circular 01/2018 policy to the Circular 03/2025 one on 1/7/2025', () => {
    expect(dossierCodePolicyOn('2025-06-30').id).toBe('tt01-2018-code');
    expect(dossierCodePolicyOn('2025-07-01').id).toBe('tt03-2025-code');
    expect(dossierCodePolicyOn('2026-12-03').legalBasis).toMatch(
      /Circular 03\/2025\/TT-VPCP Art\. 13.*Circular 04\/2025\/TT-VPCP Art\. 23\(2\)/,
    );
    expect(() => dossierCodePolicyOn('2018-06-20')).toThrow(/no dossier-code policy/);
  });

  it('leads with the resolving agency by default, the receiving one when a province chooses it', () => {
    const agencies = { resolving: '000.00.15.H26', receiving: 'H15.50.05.13' };
    expect(leadingAgencyCode(dossierCodePolicyOn('2026-12-03'), agencies)).toBe('000.00.15.H26');
    const receiving = { ...DOSSIER_CODE_POLICIES[1], leadingAgency: 'receiving' as const };
    expect(leadingAgencyCode(receiving, agencies)).toBe('H15.50.05.13');
    expect(leadingAgencyCode(receiving, { resolving: '000.00.15.H26' })).toBe('000.00.15.H26');
  });

  it('numbers the 10,000th dossier of an agency-day instead of failing (boundary 9,999 → 10,000)', () => {
    const code = (sequence: number) =>
      formatDossierCode({ agencyCode: '000.00.15.H26', receivedOn: '2026-11-20', sequence });
    expect(code(9999)).toBe('000.00.15.H26-261120-9999');
    expect(code(10000)).toBe('000.00.15.H26-261120-10000');
    expect(DOSSIER_CODE_POLICIES.every((p) => p.minSequenceDigits === 4)).toBe(true);
  });
});
