import type { ComplianceCost } from '@motcua/contracts';

/** Inputs of the Circular 02/2017/TT-VPCP Art. 27 method for one variant of a procedure. */
export type ComplianceCostInput = {
  /** Chi phí thực hiện công việc: time, travel, copies... needed to obtain the result once. */
  workCostVnd: number;
  /** Phí, lệ phí và chi phí hợp pháp khác of one execution. */
  feesVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
};

export type ComplianceCostComparison = {
  current: ComplianceCost;
  proposed: ComplianceCost;
  /** Saving per execution (per dossier), đồng and percent. */
  perExecutionSavingVnd: number;
  perExecutionSavingPercent: number;
  /** Annual saving: current.annualCostVnd − proposed.annualCostVnd, and its percent of the current cost. */
  savingVnd: number;
  savingPercent: number;
};

/** Chi phí tuân thủ: cost of one execution × times per year × subjects per year (rounded to the đồng). */
export function complianceCostOf(input: ComplianceCostInput): ComplianceCost {
  const costPerExecutionVnd = input.workCostVnd + input.feesVnd;
  return {
    workCostVnd: input.workCostVnd,
    feesVnd: input.feesVnd,
    costPerExecutionVnd,
    timesPerYear: input.timesPerYear,
    subjectsPerYear: input.subjectsPerYear,
    annualCostVnd: Math.round(costPerExecutionVnd * input.timesPerYear * input.subjectsPerYear),
  };
}

/** Percent of `part` in `whole`, two decimals; 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

/** Current cost versus the cost after the proposed simplification, with the saving. */
export function compareComplianceCosts(
  current: ComplianceCostInput,
  proposed: ComplianceCostInput,
): ComplianceCostComparison {
  const now = complianceCostOf(current);
  const after = complianceCostOf(proposed);
  const perExecutionSavingVnd = now.costPerExecutionVnd - after.costPerExecutionVnd;
  const savingVnd = now.annualCostVnd - after.annualCostVnd;
  return {
    current: now,
    proposed: after,
    perExecutionSavingVnd,
    perExecutionSavingPercent: percentOf(perExecutionSavingVnd, now.costPerExecutionVnd),
    savingVnd,
    savingPercent: percentOf(savingVnd, now.annualCostVnd),
  };
}
