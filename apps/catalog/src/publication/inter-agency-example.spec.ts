import { addWorkingDays, explainAppointment } from '@motcua/calendar';
import { chainLength, stageWindows, type InterAgencyChain } from '@motcua/contracts';

const stage = (order: number, agencyName: string, share: number) => ({
  order,
  agencyCode: `000.00.${order}${share}.H26`,
  agencyName,
  external: false,
  share,
  handsOn: [{ kind: 'result' as const, code: 'KQ', name: 'Kết quả' }],
});

/** The shares of the demo procedure 1.013102 (tools/seed/catalog/demo-inter-agency.ts). */
const chain: InterAgencyChain = {
  direction: 'horizontal',
  stages: [
    stage(1, 'Sở Tài chính', 5),
    stage(2, 'Sở Xây dựng', 10),
    stage(2, 'Sở Nông nghiệp và Môi trường', 12),
    stage(3, 'Sở Tài chính', 13),
  ],
};

/** The worked example of docs/inter-agency.md, computed with the Vietnamese calendar (libs/calendar). */
describe('docs/inter-agency.md worked example', () => {
  it('received Monday 16/11/2026 at 09:00: 30 working days to 29/12/2026, each stage its own due date, Culture Day 24/11 skipped', () => {
    expect(chainLength(chain)).toBe(30);
    const appointment = explainAppointment({
      receivedAt: new Date('2026-11-16T09:00:00+07:00'),
      limit: { value: 30, unit: 'working_days' },
    });
    expect(appointment.appointmentDate).toBe('2026-12-29');
    const start = appointment.countsAsReceivedOn;
    const dates = stageWindows(chain).map((w) => [
      w.stage.agencyName,
      w.start,
      w.end,
      addWorkingDays(start, w.start + 1),
      addWorkingDays(start, w.end),
    ]);
    expect(dates).toEqual([
      ['Sở Tài chính', 0, 5, '2026-11-17', '2026-11-23'],
      ['Sở Xây dựng', 5, 15, '2026-11-25', '2026-12-08'],
      ['Sở Nông nghiệp và Môi trường', 5, 17, '2026-11-25', '2026-12-10'],
      ['Sở Tài chính', 17, 30, '2026-12-11', '2026-12-29'],
    ]);
  });
});
