import { simplificationProposed } from './review.events';

describe('simplification proposal (Circular 02/2017 Art. 27)', () => {
  const example = simplificationProposed.example;

  it('carries the worked example: 1,024,000 → 231,000 đồng per dossier, 3,228 subjects, −77.44%', () => {
    const { current, proposed, savingVnd, savingPercent } = example.complianceCost;
    expect(current.costPerExecutionVnd).toBe(1_024_000);
    expect(proposed.costPerExecutionVnd).toBe(231_000);
    expect(current.annualCostVnd).toBe(1_024_000 * 1 * 3228);
    expect(savingVnd).toBe(current.annualCostVnd - proposed.annualCostVnd);
    expect(savingPercent).toBe(77.44);
  });

  const withCost = (patch: (cost: typeof example.complianceCost) => void) => {
    const copy = structuredClone(example);
    patch(copy.complianceCost);
    return simplificationProposed.schema.safeParse(copy).success;
  };

  it('rejects figures that do not add up', () => {
    expect(withCost(() => undefined)).toBe(true);
    expect(withCost((c) => (c.current.costPerExecutionVnd += 1))).toBe(false);
    expect(withCost((c) => (c.proposed.annualCostVnd += 1000))).toBe(false);
    expect(withCost((c) => (c.savingVnd -= 1))).toBe(false);
    expect(withCost((c) => (c.savingPercent = 80))).toBe(false);
  });
});
