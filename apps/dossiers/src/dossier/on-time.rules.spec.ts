import { onTimeStatusOf } from './on-time.rules';

const due = new Date('2026-12-04T17:00:00+07:00');
const at = (iso: string) => new Date(iso);

describe('on-time status (đúng hạn)', () => {
  it('is on time when the finish is not later than the due date', () => {
    expect(
      onTimeStatusOf({
        status: 'result_returned',
        legalDueAt: due,
        finishedAt: due,
        now: at('2026-12-20T00:00:00Z'),
      }),
    ).toBe('on_time');
  });
  it('is late when the first finish is after the due date, even if returned later', () => {
    expect(
      onTimeStatusOf({
        status: 'result_returned',
        legalDueAt: due,
        finishedAt: at('2026-12-05T08:00:00+07:00'),
        now: at('2026-12-20T00:00:00Z'),
      }),
    ).toBe('late');
  });
  it('is overdue while unfinished past the due date, in time before it', () => {
    expect(
      onTimeStatusOf({
        status: 'processing',
        legalDueAt: due,
        finishedAt: null,
        now: at('2026-12-05T08:00:00+07:00'),
      }),
    ).toBe('overdue');
    expect(
      onTimeStatusOf({
        status: 'processing',
        legalDueAt: due,
        finishedAt: null,
        now: at('2026-12-04T16:59:00+07:00'),
      }),
    ).toBe('in_time');
  });
  it('does not count the applicant’s supplementation time against the agency', () => {
    expect(
      onTimeStatusOf({
        status: 'supplement_requested',
        legalDueAt: due,
        finishedAt: null,
        now: at('2027-01-10T00:00:00Z'),
      }),
    ).toBe('in_time');
  });
  it('judges against the legal due date: an apology’s later promised date does not make a late finish on time', () => {
    // The caller passes the legal due date; the promised date of the apology is not an input at all.
    expect(
      onTimeStatusOf({
        status: 'processed',
        legalDueAt: due,
        finishedAt: at('2026-12-07T10:00:00+07:00'),
        now: at('2026-12-07T10:00:00+07:00'),
      }),
    ).toBe('late');
  });
  it('does not apply to dossiers never received or withdrawn', () => {
    expect(
      onTimeStatusOf({ status: 'not_received', legalDueAt: null, finishedAt: null, now: due }),
    ).toBe('not_applicable');
    expect(
      onTimeStatusOf({
        status: 'withdrawn',
        legalDueAt: due,
        finishedAt: null,
        now: at('2027-01-10T00:00:00Z'),
      }),
    ).toBe('not_applicable');
  });
});
