import {
  DECREE_61_POLICY,
  type Band,
  type Decree61IndexCode,
  type Decree61Policy,
} from './decree61.policy';

export type Timing = 'early' | 'on_time' | 'late';
export type Points = 0 | 1 | 2;

/** What the projections know of one finished dossier (or of a class of dossiers with the same inputs). */
export type DossierInputs = {
  /** Finish against the LEGAL due date: before its day, by it, after it (null: no legal due date). */
  finish: Timing | null;
  /** The worst completed workflow step against its own due date (null: no step reported). */
  steps: Timing | null;
  /** Supplement requests at intake and during processing, and of those the ones caused by the applicant's own fault. */
  supplements: { requests: number; applicantFault: number };
  /** Recorded contacts the law does not impose: with the one-stop desk, with other bodies (null: none recorded). */
  contacts: { desk: number; other: number } | null;
  /** The applicant's answers (dossier.evaluated), null when not evaluated or not answered. */
  agenciesAnswer: 'none' | 'one_stop_desk_only' | 'several' | null;
  publicationAnswer: 'posted_and_electronic' | 'posted_or_electronic' | 'not_published' | null;
  /** Harassment or misconduct: reported in the evaluation or by a linked PAKN not verified untrue; null: no input. */
  misconduct: boolean | null;
};

/** What the projections know of one agency in the period (indices 5, 8, 9 are the agency's, not a dossier's). */
export type AgencyInputs = {
  /** PAKN received in the period: answered, answered on time, unanswered past their limit (prolonged). */
  feedback: { received: number; answered: number; answeredOnTime: number; prolonged: number };
  /** Procedures in force, those offered online; dossiers received, received online; online dossiers late or unresolved past the legal due date. */
  online: {
    procedures: number;
    proceduresOnline: number;
    received: number;
    receivedOnline: number;
    onlineLate: number;
  };
};

export type DossierScore = Partial<Record<Decree61IndexCode, Points | null>>;
export type AgencyScore = Partial<Record<Decree61IndexCode, Points | null>>;

const timingPoints = (t: Timing | null): Points | null =>
  t === null ? null : t === 'early' ? 2 : t === 'on_time' ? 1 : 0;
const lower = (a: Points | null, b: Points | null): Points | null =>
  a === null ? b : b === null ? a : (Math.min(a, b) as Points);

/** Index 4 from the recorded contacts: none 2, only the desk 1, another body (so more than one) 0. */
function recordedContactPoints(c: DossierInputs['contacts']): Points | null {
  if (c === null) return null;
  if (c.other > 0) return 0;
  return c.desk > 0 ? 1 : 2;
}

/** Index 3: requests to complete the dossier (at intake too), except those caused by the applicant's fault. */
function contactPoints(s: DossierInputs['supplements']): Points {
  const counted = Math.max(0, s.requests - s.applicantFault);
  return counted === 0 ? 2 : counted === 1 ? 1 : 0;
}

/** Points of one dossier on each dossier-scope index its events give inputs for (null: no input). */
export function scoreDossier(d: DossierInputs): DossierScore {
  return {
    total_time: timingPoints(d.finish),
    agency_time: timingPoints(d.steps),
    contacts: contactPoints(d.supplements),
    agencies_contacted: lower(
      recordedContactPoints(d.contacts),
      d.agenciesAnswer === null
        ? null
        : ({ none: 2, one_stop_desk_only: 1, several: 0 } as const)[d.agenciesAnswer],
    ),
    publication:
      d.publicationAnswer === null
        ? null
        : ({ posted_and_electronic: 2, posted_or_electronic: 1, not_published: 0 } as const)[
            d.publicationAnswer
          ],
    officer_attitude: d.misconduct === null ? null : d.misconduct ? 0 : timingPoints(d.finish),
  };
}

/** Points of one agency on indices 8 and 9 (index 5 has no input). */
export function scoreAgency(
  a: AgencyInputs,
  policy: Decree61Policy = DECREE_61_POLICY,
): AgencyScore {
  const f = a.feedback;
  let feedback: Points;
  if (f.received === 0) feedback = 2;
  else if (f.prolonged > 0) feedback = 0;
  else {
    const share = f.answered === 0 ? 1 : f.answeredOnTime / f.answered;
    feedback = share >= policy.feedback.two ? 2 : share >= policy.feedback.one ? 1 : 0;
  }
  const o = a.online;
  let online: Points | null = null;
  if (o.procedures > 0 && o.received > 0) {
    const procedureShare = o.proceduresOnline / o.procedures;
    const dossierShare = o.receivedOnline / o.received;
    if (o.onlineLate > 0) online = 0;
    else if (
      procedureShare >= policy.online.procedureShare &&
      dossierShare >= policy.online.dossierShareTwo
    )
      online = 2;
    else if (o.proceduresOnline > 0 && dossierShare >= policy.online.dossierShareOne) online = 1;
    else online = 0;
  }
  return { feedback_handling: feedback, online_service: online };
}

export type IndexResult = {
  number: number;
  code: Decree61IndexCode;
  label: string;
  scope: 'dossier' | 'agency';
  rule: string;
  status: 'computed' | 'no_data' | 'not_available';
  /** Average points over the dossiers (or agencies) with an input for this index (0-2). */
  average: number | null;
  /** Dossiers (dossier scope) or agencies (agency scope) averaged. */
  sampleSize: number;
  approximation?: string;
  reason?: string;
};
export type Evaluation61 = {
  policy: { version: string; legalBasis: string; effectiveFrom: string; effectiveTo: string };
  sampleSize: number;
  indices: IndexResult[];
  computedIndices: number[];
  /** Sum of the nine averages and the band: only when all nine are computed; otherwise null with `ratingWithheld`. */
  points: number | null;
  band: Band | null;
  ratingWithheld: string | null;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export function bandOf(points: number, policy: Decree61Policy = DECREE_61_POLICY): Band {
  return policy.bands.find((b) => points >= b.from)!;
}

function average(
  scores: { score: Partial<Record<Decree61IndexCode, Points | null>>; count: number }[],
  code: Decree61IndexCode,
) {
  let sum = 0;
  let n = 0;
  for (const { score, count } of scores) {
    const points = score[code];
    if (points === null || points === undefined) continue;
    sum += points * count;
    n += count;
  }
  return { n, average: n === 0 ? null : round2(sum / n) };
}

/**
 * The evaluation of a set of dossiers (grouped by equal inputs, with counts) and of the agencies they belong
 * to: dossier-scope indices averaged over dossiers, agency-scope ones over agencies. No legal rating is
 * given from a partial set of indices: points and band stay null until all nine are computed.
 */
export function evaluate(
  classes: { inputs: DossierInputs; count: number }[],
  agencies: AgencyInputs[] = [],
  policy: Decree61Policy = DECREE_61_POLICY,
): Evaluation61 {
  const sampleSize = classes.reduce((s, c) => s + c.count, 0);
  const dossierScores = classes.map((c) => ({ score: scoreDossier(c.inputs), count: c.count }));
  const agencyScores = agencies.map((a) => ({ score: scoreAgency(a, policy), count: 1 }));
  const indices = policy.indices.map((index): IndexResult => {
    const base = {
      number: index.number,
      code: index.code,
      label: index.label,
      scope: index.scope,
      rule: index.rule,
      ...(index.approximation ? { approximation: index.approximation } : {}),
    };
    if (index.missing)
      return {
        ...base,
        status: 'not_available',
        average: null,
        sampleSize: 0,
        reason: index.missing,
      };
    const { n, average: avg } = average(
      index.scope === 'dossier' ? dossierScores : agencyScores,
      index.code,
    );
    if (n === 0) {
      const reason =
        index.scope === 'dossier'
          ? 'no dossier finished in the period has an input for this index'
          : 'no agency in the period has inputs for this index';
      return { ...base, status: 'no_data', average: null, sampleSize: 0, reason };
    }
    return { ...base, status: 'computed', average: avg, sampleSize: n };
  });
  const computed = indices.filter((i) => i.status === 'computed');
  const complete = computed.length === policy.indices.length;
  const points = complete ? round2(computed.reduce((s, i) => s + i.average!, 0)) : null;
  return {
    policy: {
      version: policy.version,
      legalBasis: policy.legalBasis,
      effectiveFrom: policy.effectiveFrom,
      effectiveTo: policy.effectiveTo,
    },
    sampleSize,
    indices,
    computedIndices: computed.map((i) => i.number),
    points,
    band: points === null ? null : bandOf(points, policy),
    ratingWithheld: complete
      ? null
      : withheldText(
          computed.map((i) => i.number),
          policy.indices.length,
        ),
  };
}

/** The sentence every answer and report carries while a rating cannot be given. */
export function withheldText(computed: number[], total: number): string {
  return `No rating (xếp loại): ${computed.length} of ${total} indices computed (${computed.join(', ') || 'none'}); a rating is given only when all ${total} are.`;
}
