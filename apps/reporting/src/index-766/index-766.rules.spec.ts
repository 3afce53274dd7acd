import { FIGURE_NAMES, type FigureName, type FigureValue } from '../figures/figure-catalog';
import { type DossierRecord, type FeedbackRecord } from './index-766.inputs';
import { boundsOf } from './index-766.repository';
import { INDEX_766, NOT_COMPARABLE, inputsOf, pointsOf, scoreIndex766 } from './index-766.rules';

/** November 2026 in Asia/Ho_Chi_Minh. */
const NOV = { start: '2026-10-31T17:00:00.000Z', end: '2026-11-30T17:00:00.000Z' };

function figures(
  values: Partial<Record<FigureName, [number, number]>> = {},
): Record<FigureName, FigureValue> {
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => {
      const v = values[name];
      return [
        name,
        v
          ? {
              value: v[1] === 0 ? null : v[0] / v[1],
              numerator: v[0],
              denominator: v[1],
              sampleSize: v[1],
              lastEventAt: '2026-11-29T01:00:00.000Z',
            }
          : { value: null, sampleSize: 0, lastEventAt: null },
      ];
    }),
  ) as Record<FigureName, FigureValue>;
}

const dossier = (over: Partial<DossierRecord> = {}): DossierRecord => ({
  receivedAt: '2026-11-02T08:00:00+07:00',
  status: 'processing',
  finishedAt: null,
  finishKind: null,
  lastEventAt: '2026-11-02T08:00:00+07:00',
  dueDate: '2026-11-09T17:00:00+07:00',
  legalDueDate: '2026-11-09T17:00:00+07:00',
  supplementRequests: 0,
  supplementHours: 0,
  supplementRequestedAt: null,
  channel: 'in_person',
  procedureOnlineLevel: 'partial',
  procedureHasFee: false,
  paymentRequests: 0,
  paymentRequestsNonzero: 0,
  paymentsOnline: 0,
  documentsDigitized: 0,
  documentsReused: 0,
  electronicResult: null,
  satisfaction: null,
  feedbackLinked: false,
  syncAccepted: false,
  ...over,
});
const feedback = (over: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  id: 'f',
  receivedAt: '2026-11-03T09:00:00+07:00',
  category: 'within_authority',
  answeredAt: null,
  answerBy: '2026-11-24T09:00:00+07:00',
  answeredOnTime: null,
  satisfaction: null,
  complainedAgain: false,
  ...over,
});
const criterion = (index: ReturnType<typeof scoreIndex766>, code: string) =>
  index.groups.flatMap((g) => g.criteria).find((c) => c.code === code)!;
const score = (dossiers: DossierRecord[], items: FeedbackRecord[] = [feedback()], f = figures()) =>
  scoreIndex766(f, inputsOf(dossiers, items, NOV));

describe('Decision 766 index as the national portal computes it', () => {
  it('weights the groups 18/20/12/10/18/22 (100 points)', () => {
    const weights = Object.fromEntries(
      INDEX_766.map((g) => [g.code, g.rules.reduce((s, r) => s + r.maxPoints, 0)]),
    );
    expect(weights).toEqual({
      transparency: 18,
      progress: 20,
      online_service: 12,
      online_payment: 10,
      satisfaction: 18,
      digitization: 22,
    });
  });

  it('reaches full points at the threshold and scales below it (rate × max / threshold)', () => {
    expect(pointsOf(0.8, 12, 0.8)).toBe(12);
    expect(pointsOf(0.95, 12, 0.8)).toBe(12);
    expect(pointsOf(0.4, 12, 0.8)).toBe(6); // 0.4 × 12 / 0.8
    expect(pointsOf(0.5, 20)).toBe(10);
  });

  it('progress counts in-progress dossiers, subtracts supplement time and makes more than one request late', () => {
    const index = score([
      // finished 9/11 16:00, due 9/11 17:00 → on time
      dossier({ status: 'returned', finishedAt: '2026-11-09T16:00:00+07:00' }),
      // finished 10/11 12:00 (19 h after due) but waited 24 h on a supplement → 9/11 12:00 → on time
      dossier({
        status: 'processed',
        finishedAt: '2026-11-10T12:00:00+07:00',
        supplementRequests: 1,
        supplementHours: 24,
      }),
      // two supplement requests → late whatever the dates
      dossier({
        status: 'processed',
        finishedAt: '2026-11-05T12:00:00+07:00',
        supplementRequests: 2,
      }),
      // in progress, due 10/12 after the period end → within its due date → on time
      dossier({ dueDate: '2026-12-10T17:00:00+07:00' }),
      // in progress and past its due date at the period end → late (the overdue backlog counts)
      dossier(),
      // waiting on its only supplement request, made 8/11 before the due date → ends at the request → on time
      dossier({
        status: 'supplement',
        supplementRequests: 1,
        supplementRequestedAt: '2026-11-08T10:00:00+07:00',
      }),
    ]);
    // 4 on time of 6 → 20 × 4 / 6 = 13.33
    expect(criterion(index, 'on_time')).toMatchObject({
      status: 'computed',
      numerator: 4,
      denominator: 6,
      points: 13.33,
    });
  });

  it('online service counts fully online dossiers over those of procedures eligible for full online service (80 % for full points)', () => {
    const index = score([
      dossier({ channel: 'online', procedureOnlineLevel: 'full' }),
      dossier({ channel: 'online', procedureOnlineLevel: 'full' }),
      dossier({ channel: 'in_person', procedureOnlineLevel: 'full' }),
      dossier({ channel: 'in_person', procedureOnlineLevel: 'full' }),
      dossier({ channel: 'online', procedureOnlineLevel: 'partial' }), // not eligible: out of both counts
    ]);
    // 2 / 4 = 50 % → 12 × 0.5 / 0.8 = 7.5
    expect(criterion(index, 'online_received')).toMatchObject({
      numerator: 2,
      denominator: 4,
      points: 7.5,
    });
  });

  it('online payment: paid online over dossiers of procedures with a fee, less those whose fees were all zero', () => {
    const index = score([
      dossier({
        procedureHasFee: true,
        paymentRequests: 1,
        paymentRequestsNonzero: 1,
        paymentsOnline: 1,
      }),
      dossier({ procedureHasFee: true, paymentRequests: 1, paymentRequestsNonzero: 1 }),
      dossier({ procedureHasFee: true }),
      dossier({ procedureHasFee: true, paymentRequests: 1, paymentRequestsNonzero: 0 }), // all fees zero: left out
      dossier({ procedureHasFee: false, paymentsOnline: 1 }), // no fee in the catalog: left out
    ]);
    // 1 / 3 → 10 × (1/3) / 0.8 = 4.17
    expect(criterion(index, 'online_paid')).toMatchObject({
      numerator: 1,
      denominator: 3,
      points: 4.17,
    });
  });

  it('PAKN on time includes items still within their limit; PAKN satisfaction removes disliked, late and repeated ones', () => {
    const items = [
      feedback({
        answeredAt: '2026-11-10T09:00:00+07:00',
        answeredOnTime: true,
        satisfaction: 'satisfied',
      }),
      feedback({
        answeredAt: '2026-11-10T09:00:00+07:00',
        answeredOnTime: true,
        satisfaction: 'dissatisfied',
      }),
      feedback({ answeredAt: '2026-11-28T09:00:00+07:00', answeredOnTime: false }),
      feedback({
        answeredAt: '2026-11-12T09:00:00+07:00',
        answeredOnTime: true,
        complainedAgain: true,
      }),
      feedback({ answerBy: '2026-12-05T09:00:00+07:00' }), // in progress within its limit
      feedback({ answerBy: '2026-11-20T09:00:00+07:00' }), // in progress past its limit
      feedback({ category: 'outside_authority' }), // forwarded: out of scope
    ];
    const index = score([dossier()], items);
    // on time: 3 answered on time + 1 within limit = 4 of 6 in authority → 6 × 4/6 = 4
    expect(criterion(index, 'feedback_on_time')).toMatchObject({
      numerator: 4,
      denominator: 6,
      points: 4,
    });
    // handled 4 (the forwarded item is unanswered); bad: disliked, late, repeated = 3 → 1/4 → 6 × 0.25 = 1.5
    expect(criterion(index, 'feedback_satisfaction')).toMatchObject({
      numerator: 1,
      denominator: 4,
      points: 1.5,
    });
  });

  it('with no PAKN at all, PAKN on time earns 6 + 3 and dossier satisfaction may earn 6 + 3', () => {
    const index = score(
      [dossier({ status: 'returned', finishedAt: '2026-11-05T10:00:00+07:00' })],
      [],
    );
    expect(criterion(index, 'feedback_on_time')).toMatchObject({ maxPoints: 9, points: 9 });
    expect(criterion(index, 'feedback_satisfaction')).toMatchObject({ maxPoints: 0, points: 0 });
    // no late dossier, no PAKN or dislike: 100 % ≥ 90 % → 9
    expect(criterion(index, 'dossier_satisfaction')).toMatchObject({ maxPoints: 9, points: 9 });
    expect(index.groups.find((g) => g.code === 'satisfaction')!.maxPoints).toBe(18);
  });

  it('dossier satisfaction is 100 % − (late rate + share with a PAKN or a dislike), full at 90 %', () => {
    const index = score([
      dossier({ status: 'returned', finishedAt: '2026-11-05T10:00:00+07:00' }),
      dossier({
        status: 'returned',
        finishedAt: '2026-11-05T10:00:00+07:00',
        satisfaction: 'dissatisfied',
      }),
      dossier({
        status: 'returned',
        finishedAt: '2026-11-05T10:00:00+07:00',
        feedbackLinked: true,
      }),
      dossier({ status: 'returned', finishedAt: '2026-11-12T10:00:00+07:00' }), // late
      dossier({
        status: 'returned',
        finishedAt: '2026-11-05T10:00:00+07:00',
        satisfaction: 'very_satisfied',
      }),
    ]);
    // late 1/5 = 20 %, PAKN or dislike 2/5 = 40 % → 40 % → 6 × 0.4 / 0.9 = 2.67
    expect(criterion(index, 'dossier_satisfaction')).toMatchObject({
      status: 'computed',
      rate: 0.4,
      points: 2.67,
    });
  });

  it('digitized dossiers and reuse are counted per dossier over the dossiers received', () => {
    const index = score([
      dossier({ documentsDigitized: 2, documentsReused: 1 }),
      dossier({
        documentsDigitized: 1,
        electronicResult: true,
        status: 'returned',
        finishedAt: '2026-11-05T10:00:00+07:00',
      }),
      dossier({
        documentsDigitized: 1,
        electronicResult: false,
        status: 'returned',
        finishedAt: '2026-11-05T10:00:00+07:00',
      }), // paper result
      dossier({ documentsDigitized: 0, documentsReused: 1 }),
      dossier({ receivedAt: '2026-10-20T08:00:00+07:00', documentsDigitized: 3 }), // received before the period
    ]);
    // digitized: 2 of the 4 received in the period → 50 % → 4 × 0.5 / 0.8 = 2.5
    expect(criterion(index, 'digitized_dossiers')).toMatchObject({
      numerator: 2,
      denominator: 4,
      points: 2.5,
    });
    // reuse: 2 of 4 → 2 × 0.5 / 0.8 = 1.25
    expect(criterion(index, 'reuse')).toMatchObject({ numerator: 2, denominator: 4, points: 1.25 });
  });

  it('realtime sync counts dossiers the portal accepted, and has no data without any acknowledgement', () => {
    expect(criterion(score([dossier(), dossier()]), 'realtime_sync').status).toBe('no_data');
    const index = score([
      dossier({ syncAccepted: true }),
      dossier({ syncAccepted: true }),
      dossier({ syncAccepted: true }),
      dossier(),
    ]);
    // 3 / 4 → 6 × 0.75 = 4.5
    expect(criterion(index, 'realtime_sync')).toMatchObject({
      numerator: 3,
      denominator: 4,
      points: 4.5,
    });
  });

  it('labels the total "không so sánh với điểm Cổng" while any criterion is not computed, and adds only computed points', () => {
    const index = score(
      [dossier({ status: 'returned', finishedAt: '2026-11-05T10:00:00+07:00' })],
      [feedback()],
      figures({ electronic_result_rate: [1, 2] }),
    );
    expect(index.comparableWithPortal).toBe(false);
    expect(index.label).toBe(NOT_COMPARABLE);
    expect(criterion(index, 'published_on_time')).toMatchObject({
      status: 'not_available',
      points: null,
    });
    const sum = index.groups.flatMap((g) => g.criteria).reduce((s, c) => s + (c.points ?? 0), 0);
    expect(index.score).toBe(Math.round(sum * 100) / 100);
    expect(criterion(index, 'electronic_results').points).toBe(3); // 6 × 1/2
  });
});

describe('boundsOf', () => {
  it('takes the local period as instants and cuts the current one at now', () => {
    const period = { kind: 'month' as const, from: '2026-11-01', to: '2026-11-30' };
    expect(boundsOf(period, new Date('2026-12-03T00:00:00Z'))).toEqual(NOV);
    expect(boundsOf(period, new Date('2026-11-10T03:00:00Z')).end).toBe('2026-11-10T03:00:00.000Z');
  });
});
