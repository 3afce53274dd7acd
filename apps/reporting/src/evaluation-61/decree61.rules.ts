import { DECREE_61_POLICY, type Band, type Decree61IndexCode, type Decree61Policy } from './decree61.policy';

export type Timing = 'early' | 'on_time' | 'late';
/** What the projections know of one finished dossier (or of a class of dossiers with the same inputs). */
export type DossierInputs = {
  /** Finish against the due date in force: before the due day, by the due date, after it (null: no due date). */
  finish: Timing | null;
  /** The worst completed workflow step against its own due date (null: no step reported). */
  steps: Timing | null;
  /** Supplement requests (each one more contact with the desk after the submission). */
  supplements: number;
  /** Channel and online level of the procedure version (null: procedure version unknown). */
  online: 'full' | 'partial' | 'offline' | null;
};
export type Points = 0 | 1 | 2;
export type DossierScore = Partial<Record<Decree61IndexCode, Points | null>>;

const timingPoints = (t: Timing | null): Points | null => (t === null ? null : t === 'early' ? 2 : t === 'on_time' ? 1 : 0);

/** Points of one dossier on each index that the events give inputs for (null: no input for this dossier). */
export function scoreDossier(d: DossierInputs, policy: Decree61Policy = DECREE_61_POLICY): DossierScore {
  const contacts = 1 + d.supplements;
  return {
    total_time: timingPoints(d.finish),
    unit_time: timingPoints(d.steps),
    contacts: contacts <= policy.contacts.two ? 2 : contacts <= policy.contacts.one ? 1 : 0,
    online_service: d.online === null ? null : d.online === 'full' ? 2 : d.online === 'partial' ? 1 : 0,
  };
}

export type IndexResult = {
  code: Decree61IndexCode;
  label: string;
  rule: string;
  status: 'computed' | 'no_data' | 'not_available';
  /** Average points over the dossiers with an input for this index (0-2). */
  average: number | null;
  sampleSize: number;
  reason?: string;
};
export type Evaluation61 = {
  policy: { version: string; legalBasis: string };
  sampleSize: number;
  indices: IndexResult[];
  /** Sum of the computed indices' averages, out of `maxPoints` (2 × computed indices). */
  points: number | null;
  maxPoints: number;
  /** `points` scaled to the 18 points of nine indices; the band is read on this scale. */
  scoreOf18: number | null;
  band: Band | null;
  basis: string;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

const bandsText = (policy: Decree61Policy) =>
  policy.bands.map((b) => (b.from === -Infinity ? `< ${policy.bands[policy.bands.length - 2].from} ${b.label}` : `≥ ${b.from} ${b.label}`)).join(', ');

export function bandOf(scoreOf18: number, policy: Decree61Policy = DECREE_61_POLICY): Band {
  return policy.bands.find((b) => scoreOf18 >= b.from)!;
}

/**
 * An agency's evaluation from its dossiers (grouped by equal inputs, with counts): the average per index,
 * then the sum over the computed indices. Indices without inputs are not_available and never count as 0;
 * the band is read on `points / maxPoints × 18`.
 */
export function evaluate(classes: { inputs: DossierInputs; count: number }[], policy: Decree61Policy = DECREE_61_POLICY): Evaluation61 {
  const sampleSize = classes.reduce((s, c) => s + c.count, 0);
  const scored = classes.map((c) => ({ score: scoreDossier(c.inputs, policy), count: c.count }));
  const indices = policy.indices.map((index): IndexResult => {
    const base = { code: index.code, label: index.label, rule: index.rule };
    if (index.missing) return { ...base, status: 'not_available', average: null, sampleSize: 0, reason: index.missing };
    let sum = 0;
    let n = 0;
    for (const { score, count } of scored) {
      const points = score[index.code];
      if (points === null || points === undefined) continue;
      sum += points * count;
      n += count;
    }
    if (n === 0) return { ...base, status: 'no_data', average: null, sampleSize: 0, reason: 'no finished dossier in the period has an input for this index' };
    return { ...base, status: 'computed', average: round2(sum / n), sampleSize: n };
  });
  const computed = indices.filter((i) => i.status === 'computed');
  const maxPoints = computed.length * policy.maxPerIndex;
  const points = maxPoints === 0 ? null : round2(computed.reduce((s, i) => s + i.average!, 0));
  const scoreOf18 = points === null ? null : round2((points / maxPoints) * policy.indices.length * policy.maxPerIndex);
  const full = policy.indices.length * policy.maxPerIndex;
  return {
    policy: { version: policy.version, legalBasis: policy.legalBasis },
    sampleSize,
    indices,
    points,
    maxPoints,
    scoreOf18,
    band: scoreOf18 === null ? null : bandOf(scoreOf18, policy),
    basis: `${computed.length} of ${policy.indices.length} indices computed; ${points ?? '–'} of ${maxPoints} points scaled to ${full} (× ${full}/${maxPoints || '–'}); the band (${bandsText(policy)}) is read on that scale`,
  };
}
