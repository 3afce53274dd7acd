import { campaignProgress, isLate } from './review-progress';

describe('review campaign progress', () => {
  const counts = { deadline: '2026-06-30', inScope: 4, evaluated: 1, proposals: 1 };

  it('counts days left and the share evaluated', () => {
    const progress = campaignProgress(counts, '2026-06-20');
    expect(progress.daysLeft).toBe(10);
    expect(progress.evaluatedPercent).toBe(25);
    expect(progress.overdue).toBe(false);
  });

  it('is overdue after the deadline with procedures not evaluated', () => {
    expect(campaignProgress(counts, '2026-07-01').overdue).toBe(true);
    expect(campaignProgress({ ...counts, evaluated: 4 }, '2026-07-01').overdue).toBe(false);
  });

  it('calls a domain late when closed after the deadline or with procedures never evaluated', () => {
    expect(isLate({ ...counts, evaluated: 4 }, '2026-06-30')).toBe(false);
    expect(isLate({ ...counts, evaluated: 4 }, '2026-07-01')).toBe(true);
    expect(isLate(counts, '2026-06-01')).toBe(true);
  });
});
