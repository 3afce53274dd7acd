import { DLQ_HEADERS } from '../consumer/dead-letter';
import { REPLAYED_FROM_HEADER, matchesFilter, replayMessageOf, toDeadLetter } from './dead-letters';

const refused = toDeadLetter(0, {
  offset: '7',
  key: Buffer.from('D-1'),
  value: Buffer.from('{"dossierId":"D-1"}'),
  headers: {
    ce_id: Buffer.from('e-1'),
    ce_type: Buffer.from('motcua.dossiers.dossier.received'),
    [DLQ_HEADERS.reason]: Buffer.from('rejected'),
    [DLQ_HEADERS.error]: Buffer.from('unknown procedure'),
    [DLQ_HEADERS.topic]: Buffer.from('dossiers.dossier.v1'),
    [DLQ_HEADERS.partition]: Buffer.from('2'),
    [DLQ_HEADERS.offset]: Buffer.from('41'),
    [DLQ_HEADERS.group]: Buffer.from('digitization'),
    [DLQ_HEADERS.failedAt]: Buffer.from('2026-12-01T03:00:00.000Z'),
  },
});

describe('dead letters', () => {
  it('reads the reason, the original place and the event from the headers', () => {
    expect(refused).toMatchObject({
      id: '0:7',
      reason: 'rejected',
      error: 'unknown procedure',
      originalTopic: 'dossiers.dossier.v1',
      group: 'digitization',
      type: 'motcua.dossiers.dossier.received',
      eventId: 'e-1',
      key: 'D-1',
    });
  });

  it('filters by id, type, reason and a failure-time window (since inclusive, until exclusive)', () => {
    expect(matchesFilter(refused, {})).toBe(true);
    expect(matchesFilter(refused, { ids: ['0:7'] })).toBe(true);
    expect(matchesFilter(refused, { ids: ['0:8'] })).toBe(false);
    expect(
      matchesFilter(refused, { type: 'motcua.dossiers.dossier.received', reason: 'rejected' }),
    ).toBe(true);
    expect(matchesFilter(refused, { reason: 'malformed' })).toBe(false);
    expect(matchesFilter(refused, { since: new Date('2026-12-01T03:00:00.000Z') })).toBe(true);
    expect(matchesFilter(refused, { since: new Date('2026-12-01T03:00:00.001Z') })).toBe(false);
    expect(matchesFilter(refused, { until: new Date('2026-12-01T03:00:00.000Z') })).toBe(false);
    expect(matchesFilter(refused, { until: new Date('2026-12-01T03:00:00.001Z') })).toBe(true);
  });

  it('replays to the original topic with the original key, value and CloudEvents headers, not the dead-letter ones', () => {
    const message = replayMessageOf('dlq.digitization.v1', refused);
    expect(message.topic).toBe('dossiers.dossier.v1');
    expect(message.key).toBe('D-1');
    expect(message.value?.toString()).toBe('{"dossierId":"D-1"}');
    expect(message.headers).toEqual({
      ce_id: 'e-1',
      ce_type: 'motcua.dossiers.dossier.received',
      [REPLAYED_FROM_HEADER]: 'dlq.digitization.v1/0:7',
    });
  });

  it('refuses to plan a replay without an original topic', () => {
    const orphan = { ...refused, originalTopic: undefined };
    expect(() => replayMessageOf('dlq.digitization.v1', orphan)).toThrow(/names no original topic/);
  });
});
