import { computeRates } from './rate-calculator';

describe('computeRates', () => {
  it('counts dossiers with digitized components from the event flags and this service’s records', () => {
    const rates = computeRates(
      [
        {
          slots: [{ code: 'A', digitized: true, reused: false }],
          digitizedCodes: [],
          reusedCodes: [],
        },
        {
          slots: [{ code: 'A', digitized: false, reused: false }],
          digitizedCodes: ['A'],
          reusedCodes: [],
        },
        {
          slots: [
            { code: 'A', digitized: false, reused: false },
            { code: 'B', digitized: false, reused: true },
          ],
          digitizedCodes: [],
          reusedCodes: ['A'],
        },
      ],
      [],
    );
    expect(rates.receivedWithDigitizedComponents).toEqual({
      numerator: 2,
      denominator: 3,
      rate: 0.6667,
    });
    expect(rates.documentsReused).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(rates.validResultsDigitized.rate).toBeNull();
  });

  it('leaves revoked or expired results out of the valid-results denominator and compares with the 50% target', () => {
    const rates = computeRates(
      [],
      [
        { result: { digitized: true, valid: true } },
        { result: { digitized: true, valid: false } },
        { result: { digitized: false, valid: true } },
        {},
        {},
      ],
    );
    expect(rates.validResultsDigitized).toMatchObject({
      numerator: 1,
      denominator: 4,
      rate: 0.25,
      target: 0.5,
      meetsTarget: false,
    });
  });

  it('meets the target at exactly half', () => {
    const rates = computeRates([], [{ result: { digitized: true, valid: true } }, {}]);
    expect(rates.validResultsDigitized.meetsTarget).toBe(true);
  });
});
