import type { FieldViolation } from '@motcua/http';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const TOLERANCE = 1e-9;

/**
 * The completeness of an inter-agency chain (liên thông, docs/inter-agency.md), checked like the
 * legally required parts: before the shape, every broken rule listed at once (422). It reads
 * the raw request defensively; a malformed value (a negative share, a wrong type) is left to
 * the shape check (400). Whether each agency is in the agency tree needs the database: see
 * `unknownChainAgencies`. `prefix` is where the record sits in the request.
 *
 * Rules: at least two stages; orders run 1, 2, 3… without a gap; one stage per agency and
 * order; every stage hands something on (documents of the dossier, by their code, or its own
 * result); a stage's own workflow adds up to its share; an external stage has no workflow;
 * the lead agency (`agencyCode`, cơ quan chủ trì) is one of the province's own stages; for each
 * order the largest share, added up, equals the time limit; no chain on a same-day limit.
 */
export function chainViolations(record: unknown, prefix = 'procedure'): FieldViolation[] {
  if (!isObject(record) || record.interAgency === undefined) return [];
  const at = `${prefix}.interAgency`;
  const chain = record.interAgency;
  if (!isObject(chain) || !Array.isArray(chain.stages) || chain.stages.length < 2) {
    return [
      {
        field: `${at}.stages`,
        rule: 'at-least-two-stages',
        message: 'an inter-agency procedure has a chain of at least two stages (agencies)',
      },
    ];
  }
  const stages = chain.stages.map((stage) => (isObject(stage) ? stage : {}));
  return [
    ...orderViolations(stages, at),
    ...stages.flatMap((stage, i) => stageViolations(stage, `${at}.stages.${i}`, record)),
    ...leadViolations(stages, record, prefix),
    ...lengthViolations(stages, record, at, prefix),
  ];
}

/** Orders 1…n without a gap, and an agency at most once per order. */
function orderViolations(stages: Loose[], at: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const orders = stages
    .map((stage) => stage.order)
    .filter((order): order is number => Number.isInteger(order) && (order as number) > 0);
  const present = new Set(orders);
  const highest = Math.max(0, ...orders);
  for (let order = 1; order <= highest; order++) {
    if (present.has(order)) continue;
    const next = stages.findIndex(
      (stage) => stage.order === Math.min(...orders.filter((o) => o > order)),
    );
    violations.push({
      field: `${at}.stages.${next}.order`,
      rule: 'contiguous-orders',
      message: `stage orders run 1, 2, 3… without a gap; no stage has order ${order}`,
    });
    break;
  }
  const seen = new Set<string>();
  stages.forEach((stage, i) => {
    const key = `${String(stage.order)}|${String(stage.agencyCode)}`;
    if (seen.has(key)) {
      violations.push({
        field: `${at}.stages.${i}.agencyCode`,
        rule: 'one-stage-per-agency-and-order',
        message: `${String(stage.agencyCode)} has two stages of order ${String(stage.order)}`,
      });
    }
    seen.add(key);
  });
  return violations;
}

function stageViolations(stage: Loose, at: string, record: Loose): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const handsOn = Array.isArray(stage.handsOn) ? stage.handsOn : [];
  if (handsOn.length === 0) {
    violations.push({
      field: `${at}.handsOn`,
      rule: 'hands-on-something',
      message:
        'a stage hands on documents or its own result to the next stage (or back to the desk)',
    });
  }
  const documentCodes = new Set(
    (Array.isArray(record.requiredDocuments) ? record.requiredDocuments : []).map((d) =>
      isObject(d) ? d.code : undefined,
    ),
  );
  handsOn.forEach((item, j) => {
    const handOn = isObject(item) ? item : {};
    if (isBlank(handOn.code)) {
      violations.push({
        field: `${at}.handsOn.${j}.code`,
        rule: 'required',
        message: 'what a stage hands on is named by its code',
      });
    } else if (handOn.kind === 'document' && !documentCodes.has(handOn.code)) {
      violations.push({
        field: `${at}.handsOn.${j}.code`,
        rule: 'known-document',
        message: `a handed-on document is one of the procedure's required documents; ${String(handOn.code)} is not`,
      });
    }
  });
  if (stage.external === true && stage.workflow !== undefined) {
    violations.push({
      field: `${at}.workflow`,
      rule: 'no-workflow-for-external-stage',
      message: "an external agency's internal steps are not the province's to publish",
    });
  }
  if (Array.isArray(stage.workflow) && isPositive(stage.share)) {
    const shares = stage.workflow.map((step) => (isObject(step) ? step.share : undefined));
    if (shares.every(isPositive)) {
      const sum = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - stage.share) > TOLERANCE) {
        violations.push({
          field: `${at}.workflow`,
          rule: 'shares-add-up-to-stage-share',
          message: `the stage's workflow shares add up to ${sum}, but its share is ${stage.share}`,
        });
      }
    }
  }
  return violations;
}

/** The lead agency (cơ quan chủ trì, the procedure's `agencyCode`) resolves one of the stages itself. */
function leadViolations(stages: Loose[], record: Loose, prefix: string): FieldViolation[] {
  if (isBlank(record.agencyCode)) return [];
  if (stages.some((stage) => stage.agencyCode === record.agencyCode && stage.external !== true))
    return [];
  return [
    {
      field: `${prefix}.agencyCode`,
      rule: 'lead-agency-in-chain',
      message: `the lead agency ${String(record.agencyCode)} must have a stage of its own (not external) in the chain`,
    },
  ];
}

/** For each order the largest share; those add up to the time limit (a same-day limit has no chain). */
function lengthViolations(
  stages: Loose[],
  record: Loose,
  at: string,
  prefix: string,
): FieldViolation[] {
  const limit = isObject(record.timeLimit) ? record.timeLimit : {};
  if (limit.unit === 'same_day') {
    return [
      {
        field: `${prefix}.timeLimit.unit`,
        rule: 'no-same-day-chain',
        message: 'a same-day (trong ngày) limit cannot be shared between agencies',
      },
    ];
  }
  if (
    !isPositive(limit.value) ||
    !stages.every((stage) => isPositive(stage.share) && Number.isInteger(stage.order))
  )
    return [];
  const longest = new Map<number, number>();
  for (const stage of stages)
    longest.set(
      stage.order as number,
      Math.max(longest.get(stage.order as number) ?? 0, stage.share as number),
    );
  const total = [...longest.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(total - limit.value) <= TOLERANCE) return [];
  const perOrder = [...longest]
    .sort(([a], [b]) => a - b)
    .map(([order, share]) => `${order}: ${share}`)
    .join(', ');
  return [
    {
      field: `${at}.stages`,
      rule: 'shares-add-up-to-time-limit',
      message: `the largest share of each order (${perOrder}) adds up to ${total}, but the time limit is ${limit.value}`,
    },
  ];
}
