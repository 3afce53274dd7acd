import { DOSSIER_CODE_PATTERN } from '../events/common.schemas';
import { findBreakingChanges } from './find-breaking-changes';
import {
  DOSSIER_CODE_PATTERN_V1,
  DOSSIER_CODE_PATTERN_V2,
  PATTERN_LOOSENINGS,
} from './pattern-loosenings';

/** A deterministic pseudo-random generator, so a failure is reproducible. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

describe('reviewed pattern loosenings', () => {
  it('the dossier code pattern in force is the reviewed one', () => {
    expect(DOSSIER_CODE_PATTERN.source).toBe(DOSSIER_CODE_PATTERN_V2);
  });

  it.each(PATTERN_LOOSENINGS.map((l) => [l.reason.slice(0, 60), l] as const))(
    '%s…: the new pattern accepts what the old one accepted',
    (_reason, loosening) => {
      const before = new RegExp(loosening.before);
      const after = new RegExp(loosening.after);
      // Values of the old shape: agency codes of 2-5 parts, any date digits, any 4-digit sequence.
      const next = random(20260101);
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      const part = () =>
        Array.from({ length: 2 + next(2) }, () => chars[next(chars.length)]).join('');
      let checked = 0;
      for (let i = 0; i < 20_000; i++) {
        const parts = Array.from({ length: 2 + next(4) }, part);
        const two = (n: number) => String(n).padStart(2, '0');
        const date = `${two(next(100))}${two(1 + next(12))}${two(1 + next(31))}`;
        const sequence = String(next(10_000)).padStart(4, '0');
        const value = `${parts.join('.')}-${date}-${sequence}`;
        if (!before.test(value)) continue;
        checked += 1;
        expect(after.test(value)).toBe(true);
      }
      expect(checked).toBeGreaterThan(5000);
    },
  );

  it('lets the guard accept exactly the reviewed change, and still refuses any other pattern change', () => {
    const schema = (pattern: string) => ({ type: 'string', pattern });
    expect(
      findBreakingChanges(schema(DOSSIER_CODE_PATTERN_V1), schema(DOSSIER_CODE_PATTERN_V2)),
    ).toEqual([]);
    expect(
      findBreakingChanges(schema(DOSSIER_CODE_PATTERN_V2), schema(DOSSIER_CODE_PATTERN_V1)),
    ).toEqual([expect.objectContaining({ kind: 'constraint-tightened' })]);
    expect(findBreakingChanges(schema(DOSSIER_CODE_PATTERN_V1), schema('^\\d{4,}$'))).toEqual([
      expect.objectContaining({ kind: 'constraint-tightened' }),
    ]);
  });
});
