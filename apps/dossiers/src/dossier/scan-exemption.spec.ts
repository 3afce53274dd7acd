import { withScanExemptions } from './scan-exemption';

/** Circular 03/2025/TT-VPCP Art. 5(2): no scan for online dossiers, shown-only, participating bodies' results, secret documents. */
describe('scan exemptions at receipt', () => {
  it('records every document of an online dossier as exempt (a), unless the desk recorded another reason', () => {
    expect(
      withScanExemptions('online', [
        { code: 'A' },
        { code: 'B', scanExemption: 'secret' as const },
      ]),
    ).toEqual([
      { code: 'A', scanExemption: 'online' },
      { code: 'B', scanExemption: 'secret' },
    ]);
  });
  it('keeps what the desk recorded for paper dossiers (b)-(d) and adds nothing else', () => {
    expect(
      withScanExemptions('in_person', [
        { code: 'A' },
        { code: 'B', scanExemption: 'shown_only' as const },
      ]),
    ).toEqual([{ code: 'A' }, { code: 'B', scanExemption: 'shown_only' }]);
    expect(
      withScanExemptions('postal', [
        { code: 'C', scanExemption: 'participating_body_result' as const },
      ]),
    ).toEqual([{ code: 'C', scanExemption: 'participating_body_result' }]);
  });
});
