import { DECREE_61_POLICY, decree61PolicyOn } from './decree61.policy';
import {
  bandOf,
  evaluate,
  scoreAgency,
  scoreDossier,
  type AgencyInputs,
  type DossierInputs,
} from './decree61.rules';

const dossier = (over: Partial<DossierInputs> = {}): DossierInputs => ({
  finish: 'early',
  steps: 'early',
  supplements: { requests: 0, applicantFault: 0 },
  contacts: null,
  agenciesAnswer: null,
  publicationAnswer: null,
  misconduct: null,
  ...over,
});
const agency = (
  feedback: Partial<AgencyInputs['feedback']> = {},
  online: Partial<AgencyInputs['online']> = {},
): AgencyInputs => ({
  feedback: { received: 0, answered: 0, answeredOnTime: 0, prolonged: 0, ...feedback },
  online: {
    procedures: 10,
    proceduresOnline: 2,
    received: 10,
    receivedOnline: 3,
    onlineLate: 0,
    ...online,
  },
});

describe('Decree 61 evaluation rules (đánh giá việc giải quyết TTHC, Circular 01/2018)', () => {
  it('index 1 reads the finish against the legal due date: before its day 2, by it 1, after it 0', () => {
    expect(
      [
        dossier({ finish: 'early' }),
        dossier({ finish: 'on_time' }),
        dossier({ finish: 'late' }),
        dossier({ finish: null }),
      ].map((d) => scoreDossier(d).total_time),
    ).toEqual([2, 1, 0, null]);
  });

  it('index 3 counts requests at intake and in processing, except those caused by the applicant’s fault', () => {
    const points = (requests: number, applicantFault: number) =>
      scoreDossier(dossier({ supplements: { requests, applicantFault } })).contacts;
    expect([points(0, 0), points(1, 0), points(2, 0), points(3, 0)]).toEqual([2, 1, 0, 0]);
    // two requests, one of them the applicant's own fault: one counted contact → 1
    expect(points(2, 1)).toBe(1);
    expect(points(1, 1)).toBe(2);
  });

  it('index 4: no body 2, only the one-stop desk 1, another body 0; the lower of records and answer', () => {
    const p = (over: Partial<DossierInputs>) => scoreDossier(dossier(over)).agencies_contacted;
    expect(p({})).toBeNull();
    expect(p({ agenciesAnswer: 'none' })).toBe(2);
    expect(p({ agenciesAnswer: 'one_stop_desk_only' })).toBe(1);
    expect(p({ agenciesAnswer: 'several' })).toBe(0);
    expect(p({ contacts: { desk: 1, other: 0 } })).toBe(1);
    expect(p({ contacts: { desk: 0, other: 1 } })).toBe(0);
    expect(p({ contacts: { desk: 1, other: 0 }, agenciesAnswer: 'none' })).toBe(1);
  });

  it('index 6 takes the applicant’s answer: posting and electronic 2, one of them 1, none 0', () => {
    expect(
      (['posted_and_electronic', 'posted_or_electronic', 'not_published'] as const).map(
        (publicationAnswer) => scoreDossier(dossier({ publicationAnswer })).publication,
      ),
    ).toEqual([2, 1, 0]);
    expect(scoreDossier(dossier()).publication).toBeNull();
  });

  it('index 7 is the officer’s attitude, not satisfaction: misconduct 0, else early 2, on time 1, late 0; no input without evaluation or PAKN', () => {
    expect(scoreDossier(dossier({ misconduct: null })).officer_attitude).toBeNull();
    expect(scoreDossier(dossier({ misconduct: true, finish: 'early' })).officer_attitude).toBe(0);
    expect(scoreDossier(dossier({ misconduct: false, finish: 'early' })).officer_attitude).toBe(2);
    expect(scoreDossier(dossier({ misconduct: false, finish: 'on_time' })).officer_attitude).toBe(
      1,
    );
    expect(scoreDossier(dossier({ misconduct: false, finish: 'late' })).officer_attitude).toBe(0);
  });

  it('index 8 is the agency’s: none or 100 % on time 2, ≥ 90 % 1, < 90 % or any prolonged 0', () => {
    const p = (f: Partial<AgencyInputs['feedback']>) => scoreAgency(agency(f)).feedback_handling;
    expect(p({})).toBe(2);
    expect(p({ received: 10, answered: 10, answeredOnTime: 10 })).toBe(2);
    expect(p({ received: 10, answered: 10, answeredOnTime: 9 })).toBe(1); // 9/10 = 90 %
    expect(p({ received: 10, answered: 10, answeredOnTime: 8 })).toBe(0); // 80 %
    expect(p({ received: 10, answered: 9, answeredOnTime: 9, prolonged: 1 })).toBe(0);
  });

  it('index 9 is the agency’s: ≥ 20 % procedures online and ≥ 30 % dossiers online 2; 15-<30 % 1; any online dossier late 0', () => {
    const p = (o: Partial<AgencyInputs['online']>) => scoreAgency(agency({}, o)).online_service;
    expect(p({})).toBe(2); // 2/10 procedures, 3/10 dossiers
    expect(p({ receivedOnline: 2 })).toBe(1); // 20 % of dossiers
    expect(p({ proceduresOnline: 1 })).toBe(1); // 10 % of procedures, 30 % of dossiers
    expect(p({ receivedOnline: 1 })).toBe(0); // 10 % of dossiers
    expect(p({ onlineLate: 1 })).toBe(0);
    expect(p({ procedures: 0 })).toBeNull();
  });

  it('gives no rating from a partial set: points and band stay null and the answer says which indices are computed', () => {
    const result = evaluate(
      [
        {
          inputs: dossier({
            misconduct: false,
            agenciesAnswer: 'none',
            publicationAnswer: 'posted_and_electronic',
          }),
          count: 3,
        },
        {
          inputs: dossier({
            finish: 'late',
            steps: null,
            supplements: { requests: 2, applicantFault: 0 },
          }),
          count: 1,
        },
      ],
      [agency({ received: 4, answered: 4, answeredOnTime: 4 })],
    );
    expect(result.sampleSize).toBe(4);
    const byCode = Object.fromEntries(result.indices.map((i) => [i.code, i]));
    // (2 × 3 + 0 × 1) / 4 = 1.5
    expect(byCode.total_time).toMatchObject({ status: 'computed', average: 1.5, sampleSize: 4 });
    expect(byCode.agency_time).toMatchObject({ status: 'computed', average: 2, sampleSize: 3 });
    expect(byCode.contacts.average).toBe(1.5);
    expect(byCode.officer_attitude).toMatchObject({ average: 2, sampleSize: 3 });
    expect(byCode.feedback_handling).toMatchObject({
      status: 'computed',
      average: 2,
      sampleSize: 1,
    });
    expect(byCode.one_stop_desk).toMatchObject({ status: 'not_available', average: null });
    expect(result.computedIndices).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect(result.points).toBeNull();
    expect(result.band).toBeNull();
    expect(result.ratingWithheld).toMatch(/8 of 9 indices computed \(1, 2, 3, 4, 6, 7, 8, 9\)/);
  });

  it('reads the bands (only used with all nine indices) at their lower bounds', () => {
    expect([18, 15, 14.99, 12, 9, 6, 5.99].map((s) => bandOf(s).code)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'average',
      'weak',
    ]);
  });

  it('applies to dossiers received from 2019-01-06 to 2025-06-30 and to none received later (Decree 118)', () => {
    expect(DECREE_61_POLICY.indices.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(
      DECREE_61_POLICY.indices.filter((i) => i.scope === 'agency').map((i) => i.number),
    ).toEqual([5, 8, 9]);
    expect(decree61PolicyOn('2019-01-05')).toBeUndefined();
    expect(decree61PolicyOn('2019-01-06')).toBe(DECREE_61_POLICY);
    expect(decree61PolicyOn('2025-06-30')).toBe(DECREE_61_POLICY);
    expect(decree61PolicyOn('2025-07-01')).toBeUndefined();
  });
});
