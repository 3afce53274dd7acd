import { DECREE_61_POLICY } from './decree61.policy';
import { bandOf, evaluate, scoreDossier, type DossierInputs } from './decree61.rules';

const dossier = (over: Partial<DossierInputs> = {}): DossierInputs => ({ finish: 'early', steps: 'early', supplements: 0, online: 'full', ...over });

describe('Decree 61 evaluation rules (đánh giá việc giải quyết TTHC)', () => {
  it('scores the total time: before the due day 2, by the due date 1, late 0, no due date not scored', () => {
    expect(scoreDossier(dossier({ finish: 'early' })).total_time).toBe(2);
    expect(scoreDossier(dossier({ finish: 'on_time' })).total_time).toBe(1);
    expect(scoreDossier(dossier({ finish: 'late' })).total_time).toBe(0);
    expect(scoreDossier(dossier({ finish: null })).total_time).toBeNull();
  });

  it('scores the units by their worst step; a dossier without reported steps has no input', () => {
    expect(scoreDossier(dossier({ steps: 'early' })).unit_time).toBe(2);
    expect(scoreDossier(dossier({ steps: 'on_time' })).unit_time).toBe(1);
    expect(scoreDossier(dossier({ steps: 'late' })).unit_time).toBe(0);
    expect(scoreDossier(dossier({ steps: null })).unit_time).toBeNull();
  });

  it('scores the contacts: the submission alone 2, one supplement request 1, two or more 0', () => {
    expect([0, 1, 2, 3].map((supplements) => scoreDossier(dossier({ supplements })).contacts)).toEqual([2, 1, 0, 0]);
  });

  it('scores the online service: fully online 2, partly online 1, in person or by post 0', () => {
    expect(scoreDossier(dossier({ online: 'full' })).online_service).toBe(2);
    expect(scoreDossier(dossier({ online: 'partial' })).online_service).toBe(1);
    expect(scoreDossier(dossier({ online: 'offline' })).online_service).toBe(0);
    expect(scoreDossier(dossier({ online: null })).online_service).toBeNull();
  });

  it('reads the bands at their lower bounds', () => {
    expect([18, 15, 14.99, 12, 11.99, 9, 8.99, 6, 5.99, 0].map((s) => bandOf(s).code)).toEqual([
      'excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'average', 'average', 'weak', 'weak',
    ]);
  });

  it('averages over the dossiers, shows indices without inputs as not available and scales the band to 18', () => {
    const result = evaluate([
      { inputs: dossier(), count: 3 },
      { inputs: dossier({ finish: 'late', steps: null, supplements: 2, online: 'offline' }), count: 1 },
    ]);
    expect(result.sampleSize).toBe(4);
    const byCode = Object.fromEntries(result.indices.map((i) => [i.code, i]));
    expect(byCode.total_time).toMatchObject({ status: 'computed', average: 1.5, sampleSize: 4 });
    expect(byCode.unit_time).toMatchObject({ status: 'computed', average: 2, sampleSize: 3 });
    expect(byCode.contacts.average).toBe(1.5);
    expect(byCode.online_service.average).toBe(1.5);
    for (const code of ['agencies_contacted', 'one_stop_desk', 'publication', 'feedback', 'satisfaction']) {
      expect(byCode[code]).toMatchObject({ status: 'not_available', average: null });
      expect(byCode[code].reason).toBeTruthy();
    }
    expect(result.points).toBe(6.5);
    expect(result.maxPoints).toBe(8);
    expect(result.scoreOf18).toBe(14.63);
    expect(result.band?.code).toBe('good');
    expect(result.basis).toMatch(/^4 of 9 indices computed; 6.5 of 8 points scaled to 18/);
  });

  it('gives no score and no band without dossiers', () => {
    const result = evaluate([]);
    expect(result).toMatchObject({ sampleSize: 0, points: null, scoreOf18: null, band: null, maxPoints: 0 });
    expect(result.indices.filter((i) => i.status === 'no_data').length).toBe(4);
  });

  it('keeps its legal basis and nine indices in the policy data', () => {
    expect(DECREE_61_POLICY.indices).toHaveLength(9);
    expect(DECREE_61_POLICY.legalBasis).toMatch(/61\/2018\/NĐ-CP/);
  });
});
