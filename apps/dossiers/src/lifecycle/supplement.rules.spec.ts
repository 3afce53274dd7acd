import { applySupplement, outstandingOf } from './supplement.rules';

/** The clock restarts only when every requested item has arrived (restart rule of Decree 61/2018 Art. 19(4), kept under Decree 118: unverified). */
describe('supplement arrivals', () => {
  const request = outstandingOf([
    { documentCode: 'GPKD', description: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp' },
    { documentCode: 'BDKG', description: 'Biểu mẫu đăng ký giá có chữ ký' },
    { description: 'Giải trình cơ cấu giá' },
  ]);

  it('numbers the requested items from 1 in the order of the request', () => {
    expect(request.map((r) => r.item)).toEqual([1, 2, 3]);
  });

  it('is partial when a document not requested, or only some requested ones, arrive', () => {
    const other = applySupplement(request.slice(0, 1), { documents: [{ code: 'BDKG' }] });
    expect(other).toMatchObject({ complete: false, met: [], violations: [] });
    expect(other.outstanding.map((o) => o.documentCode)).toEqual(['GPKD']);
    const some = applySupplement(request, { documents: [{ code: 'BDKG' }] });
    expect(some.complete).toBe(false);
    expect(some.met.map((m) => m.item)).toEqual([2]);
    expect(some.outstanding.map((o) => o.item)).toEqual([1, 3]);
  });

  it('completes cumulatively: the last awaited item completes it, items without a code by their number', () => {
    const first = applySupplement(request, { documents: [{ code: 'GPKD' }] });
    const second = applySupplement(first.outstanding, { documents: [{ code: 'BDKG' }] });
    expect(second.complete).toBe(false);
    const third = applySupplement(second.outstanding, { documents: [], items: [3] });
    expect(third).toMatchObject({ complete: true, outstanding: [], violations: [] });
  });

  it('refuses a number naming no awaited item (already met or never requested)', () => {
    const after = applySupplement(request, { documents: [{ code: 'GPKD' }] });
    expect(
      applySupplement(after.outstanding, { documents: [], items: [1, 9] }).violations.map(
        (v) => v.message,
      ),
    ).toEqual([
      'item 1 is not an awaited item of the supplement request (awaited: 2, 3)',
      'item 9 is not an awaited item of the supplement request (awaited: 2, 3)',
    ]);
  });
});
