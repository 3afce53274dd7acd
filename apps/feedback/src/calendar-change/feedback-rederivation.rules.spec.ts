import { rederiveFeedback, type OpenFeedbackForRederivation } from './feedback-rederivation.rules';

const at = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => at(`${date}T17:00:00`);

/**
 * Received Fri 20/11/2026 09:00 and dated while 24/11 was a working day; Culture Day (24/11,
 * Nghị quyết 28/2026/QH16) is a day off. Limits of QĐ 29/2026 (2 / 5 / 15 working days).
 */
const dated: OpenFeedbackForRederivation = {
  receivedAt: at('2026-11-20T09:00:00'),
  policyId: 'qd29-2026-nd20-2008',
  latestForwardedAt: null,
  approvedAt: null,
  classifyBy: endOf('2026-11-24'),
  firstInfoRequestBy: endOf('2026-11-27'),
  answerBy: endOf('2026-12-11'),
  forwardBy: null,
  publishBy: null,
};

describe('feedback time limits after a calendar change', () => {
  it('moves every running limit past 24/11/2026 (Culture Day off)', () => {
    const result = rederiveFeedback(dated);
    expect(result.outcome).toBe('moved');
    expect(result.dates).toEqual({
      classifyBy: endOf('2026-11-25'),
      firstInfoRequestBy: endOf('2026-11-30'),
      answerBy: endOf('2026-12-14'),
      forwardBy: null,
      publishBy: null,
    });
    expect(result.outcome === 'moved' && result.daysOffInPeriod).toEqual(['2026-11-24']);
  });

  it('leaves limits already right unchanged', () => {
    const { dates } = rederiveFeedback(dated);
    expect(rederiveFeedback({ ...dated, ...dates }).outcome).toBe('unchanged');
  });

  it('counts an item forwarded here from its latest forwarding date, the forward limit from receipt, publication from approval', () => {
    const result = rederiveFeedback({
      ...dated,
      latestForwardedAt: at('2026-11-23T09:00:00'),
      forwardBy: endOf('2026-11-27'),
      approvedAt: at('2026-11-23T10:00:00'),
      publishBy: endOf('2026-11-25'),
    });
    expect(result.dates).toMatchObject({
      classifyBy: endOf('2026-11-26'), // 25, 26 (24 off)
      answerBy: endOf('2026-12-15'),
      forwardBy: endOf('2026-11-30'), // Decree 20/2008 Art. 9(1)(d): 5 working days of receipt
      publishBy: endOf('2026-11-26'),
    });
  });
});
