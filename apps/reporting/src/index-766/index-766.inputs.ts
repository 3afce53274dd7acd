/**
 * The Decision 766 criteria that the national portal computes per dossier or per feedback item, as pure
 * functions of small records (the repository loads them for a period): each returns the ratio's counts.
 * Rules as the portal's formula documents describe them (docs/reporting.md, docs/legal-rules.md).
 */
export type Ratio = { numerator: number; denominator: number };

/** One dossier as the projections know it (dossier_fact joined to its procedure, links and acknowledgements). */
export type DossierRecord = {
  receivedAt: string | null;
  status: string;
  /** First of processed > result returned > stopped / refused (dossier_fact.finished_at). */
  finishedAt: string | null;
  finishKind: string | null;
  /** When the dossier last changed (the withdrawal time for a withdrawn dossier). */
  lastEventAt: string;
  /** NgayHenTra as synced to the portal; the legal due date when there is none. */
  dueDate: string | null;
  legalDueDate: string | null;
  supplementRequests: number;
  /** Hours between each supplement request and its completion (summed). */
  supplementHours: number;
  supplementRequestedAt: string | null;
  channel: string;
  procedureOnlineLevel: string | null;
  procedureHasFee: boolean;
  paymentRequests: number;
  paymentRequestsNonzero: number;
  paymentsOnline: number;
  documentsDigitized: number;
  documentsReused: number;
  electronicResult: boolean | null;
  satisfaction: string | null;
  feedbackLinked: boolean;
  syncAccepted: boolean;
};

/** One feedback item (PAKN) of the agency. */
export type FeedbackRecord = {
  id: string;
  receivedAt: string | null;
  category: string | null;
  answeredAt: string | null;
  answerBy: string | null;
  answeredOnTime: boolean | null;
  satisfaction: string | null;
  /** Another item complains again about this one's handling. */
  complainedAgain: boolean;
};

export type PeriodBounds = { start: string; end: string };

const ms = Date.parse;
const HOUR = 3_600_000;
const inPeriod = (iso: string | null, p: PeriodBounds) =>
  iso !== null && ms(iso) >= ms(p.start) && ms(iso) < ms(p.end);

/** Received in the period (the denominator of most dossier criteria). */
export const receivedIn = (d: DossierRecord, p: PeriodBounds) => inPeriod(d.receivedAt, p);

/**
 * Progress (tiến độ giải quyết): dossiers received or processed in the period, on time when their end minus the
 * supplement time is not later than the synced due date; in progress ones end at the period end; a dossier
 * waiting on its only supplement request ends at the request; more than one request is late.
 */
export function progressOutcome(d: DossierRecord, p: PeriodBounds): 'on_time' | 'late' | null {
  if (d.receivedAt === null || ms(d.receivedAt) >= ms(p.end)) return null;
  const withdrawn = d.status === 'withdrawn' && d.finishedAt === null;
  const end = d.finishedAt ?? (withdrawn ? d.lastEventAt : null);
  if (end !== null && ms(end) < ms(p.start)) return null;
  const due = d.dueDate ?? d.legalDueDate;
  if (due === null) return null;
  if (d.supplementRequests > 1) return 'late';
  let at: number;
  if (end !== null) at = ms(end) - d.supplementHours * HOUR;
  else if (d.status === 'supplement' && d.supplementRequestedAt !== null)
    at = ms(d.supplementRequestedAt);
  else at = ms(p.end) - d.supplementHours * HOUR;
  return at <= ms(due) ? 'on_time' : 'late';
}

export function progress(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const outcomes = dossiers.map((d) => progressOutcome(d, p)).filter((o) => o !== null);
  return {
    numerator: outcomes.filter((o) => o === 'on_time').length,
    denominator: outcomes.length,
  };
}

/** Online service: fully online dossiers over dossiers of procedures eligible for full online service. */
export function onlineService(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const eligible = dossiers.filter((d) => receivedIn(d, p) && d.procedureOnlineLevel === 'full');
  return {
    numerator: eligible.filter((d) => d.channel === 'online').length,
    denominator: eligible.length,
  };
}

/** Online payment: paid online over dossiers of procedures with a fee, less those whose requested fees are all zero. */
export function onlinePayment(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const owing = dossiers.filter(
    (d) =>
      receivedIn(d, p) &&
      d.procedureHasFee &&
      !(d.paymentRequests > 0 && d.paymentRequestsNonzero === 0),
  );
  return { numerator: owing.filter((d) => d.paymentsOnline > 0).length, denominator: owing.length };
}

/** Digitized dossiers: ≥ 1 component file, and an electronic result once a result was issued. */
export function digitizedDossiers(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const received = dossiers.filter((d) => receivedIn(d, p));
  return {
    numerator: received.filter((d) => d.documentsDigitized > 0 && d.electronicResult !== false)
      .length,
    denominator: received.length,
  };
}

/** Reuse: dossiers with ≥ 1 component marked reused. */
export function reusedDossiers(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const received = dossiers.filter((d) => receivedIn(d, p));
  return {
    numerator: received.filter((d) => d.documentsReused > 0).length,
    denominator: received.length,
  };
}

/** Realtime sync: dossiers received in the period that the portal accepted at least once. */
export function synced(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const received = dossiers.filter((d) => receivedIn(d, p));
  return { numerator: received.filter((d) => d.syncAccepted).length, denominator: received.length };
}

export type DossierSatisfaction = { rate: number; late: Ratio; complained: Ratio } | null;

/** Dossiers received in the period with a PAKN about them or a dislike in the applicant's evaluation. */
export function complainedDossiers(dossiers: DossierRecord[], p: PeriodBounds): Ratio {
  const received = dossiers.filter((d) => receivedIn(d, p));
  return {
    numerator: received.filter((d) => d.feedbackLinked || d.satisfaction === 'dissatisfied').length,
    denominator: received.length,
  };
}

/** Dossier satisfaction: 100 % − (late rate of the progress criterion + share with a PAKN or a dislike), as a ratio over 1. */
export function satisfactionOf(onTime: Ratio, complained: Ratio): DossierSatisfaction {
  if (onTime.denominator === 0 || complained.denominator === 0) return null;
  const late = {
    numerator: onTime.denominator - onTime.numerator,
    denominator: onTime.denominator,
  };
  const rate =
    1 - (late.numerator / late.denominator + complained.numerator / complained.denominator);
  return { rate: Math.max(0, rate), late, complained };
}

const IN_AUTHORITY = (f: FeedbackRecord) =>
  f.category !== 'outside_authority' && f.category !== 'not_accepted';

/** PAKN on time: answered on time plus unanswered still within the limit, over the PAKN within authority received or handled in the period. */
export function feedbackOnTime(items: FeedbackRecord[], p: PeriodBounds): Ratio {
  const scope = items.filter(
    (f) =>
      IN_AUTHORITY(f) &&
      f.receivedAt !== null &&
      ms(f.receivedAt) < ms(p.end) &&
      (f.answeredAt === null || ms(f.answeredAt) >= ms(p.start)),
  );
  const onTime = scope.filter((f) =>
    f.answeredAt !== null && ms(f.answeredAt) < ms(p.end)
      ? f.answeredOnTime === true
      : f.answerBy !== null && ms(f.answerBy) >= ms(p.end),
  );
  return { numerator: onTime.length, denominator: scope.length };
}

/** PAKN satisfaction: handled items minus those disliked, late or complained about again, over handled items received in the period. */
export function feedbackSatisfaction(items: FeedbackRecord[], p: PeriodBounds): Ratio {
  const handled = items.filter((f) => inPeriod(f.receivedAt, p) && f.answeredAt !== null);
  const bad = handled.filter(
    (f) =>
      f.satisfaction === 'dissatisfied' ||
      f.satisfaction === 'very_dissatisfied' ||
      f.answeredOnTime === false ||
      f.complainedAgain,
  );
  return { numerator: handled.length - bad.length, denominator: handled.length };
}

/** Any PAKN at all for the agency in the period (none → the PAKN satisfaction points are redistributed). */
export const hasFeedback = (items: FeedbackRecord[], p: PeriodBounds) =>
  items.some(
    (f) =>
      f.receivedAt !== null &&
      ms(f.receivedAt) < ms(p.end) &&
      (f.answeredAt === null || ms(f.answeredAt) >= ms(p.start)),
  );
