import type { InterAgencyChain } from './procedure.events';

/** One agency's stage of an inter-agency procedure (TTHC liên thông). */
export type InterAgencyStage = InterAgencyChain['stages'][number];

/**
 * The stages of a chain grouped by `order`, lowest first: stages of one order run in parallel,
 * the next order starts when every stage of the previous one has handed back (docs/inter-agency.md).
 */
export function stagesByOrder(chain: InterAgencyChain): InterAgencyStage[][] {
  const orders = [...new Set(chain.stages.map((stage) => stage.order))].sort((a, b) => a - b);
  return orders.map((order) => chain.stages.filter((stage) => stage.order === order));
}

/** The length of one order: the largest share of its parallel stages. */
export function orderLength(stages: readonly InterAgencyStage[]): number {
  return Math.max(...stages.map((stage) => stage.share));
}

/**
 * The chain's length in the procedure's time-limit unit: for each order the largest share,
 * added up. The catalog publishes a chain only when this equals the procedure's time limit.
 */
export function chainLength(chain: InterAgencyChain): number {
  return stagesByOrder(chain).reduce((sum, stages) => sum + orderLength(stages), 0);
}

/** Where a stage sits on the procedure's clock, in the procedure's time-limit unit. */
export type StageWindow = { stage: InterAgencyStage; index: number; start: number; end: number };

/**
 * Each stage's planned window on the procedure's clock when every earlier order uses its whole
 * length: `start` = the lengths of the earlier orders added up, `end` = start + the stage's share.
 * `index` is the stage's position in `chain.stages`. A dossier's stage due date is the clock
 * start plus `end` units (the dossiers service decides how a late or early hand-back moves it).
 */
export function stageWindows(chain: InterAgencyChain): StageWindow[] {
  const windows: StageWindow[] = [];
  let start = 0;
  for (const stages of stagesByOrder(chain)) {
    for (const stage of stages) {
      windows.push({ stage, index: chain.stages.indexOf(stage), start, end: start + stage.share });
    }
    start += orderLength(stages);
  }
  return windows.sort((a, b) => a.index - b.index);
}
