import { onTimeStatusOf } from './on-time.rules';

const due = new Date('2026-12-04T17:00:00+07:00');
const at = (iso: string) => new Date(iso);

describe('on-time status (đúng hạn)', () => {
  it('is on time when the finish is not later than the due date', () => {
    expect(onTimeStatusOf({ status: 'result_returned', dueAt: due, finishedAt: due, now: at('2026-12-20T00:00:00Z') })).toBe('on_time');
  });
  it('is late when the first finish is after the due date, even if returned later', () => {
    expect(onTimeStatusOf({ status: 'result_returned', dueAt: due, finishedAt: at('2026-12-05T08:00:00+07:00'), now: at('2026-12-20T00:00:00Z') })).toBe('late');
  });
  it('is overdue while unfinished past the due date, in time before it', () => {
    expect(onTimeStatusOf({ status: 'processing', dueAt: due, finishedAt: null, now: at('2026-12-05T08:00:00+07:00') })).toBe('overdue');
    expect(onTimeStatusOf({ status: 'processing', dueAt: due, finishedAt: null, now: at('2026-12-04T16:59:00+07:00') })).toBe('in_time');
  });
  it('does not count the applicant’s supplementation time against the agency', () => {
    expect(onTimeStatusOf({ status: 'supplement_requested', dueAt: due, finishedAt: null, now: at('2027-01-10T00:00:00Z') })).toBe('in_time');
  });
  it('does not apply to dossiers never received or withdrawn', () => {
    expect(onTimeStatusOf({ status: 'not_received', dueAt: null, finishedAt: null, now: due })).toBe('not_applicable');
    expect(onTimeStatusOf({ status: 'withdrawn', dueAt: due, finishedAt: null, now: at('2027-01-10T00:00:00Z') })).toBe('not_applicable');
  });
});
