import { formatSequence } from '../envelope';
import { fromKafkaMessage, toKafkaRecord } from '../kafka-binding';
import { exampleEvent } from '../generation/examples';
import { portalDossierStatus } from '../events/portal.events';
import { TOPICS, topicConfigOf, type TopicName } from '../topics';
import { decodePortalCursor, encodePortalCursor, isNewerPortalStatus } from './portal-changes';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('portal sequence (ce_sequence)', () => {
  it('is zero-padded so that text order is number order', () => {
    expect(formatSequence(7)).toBe('0000000007');
    const sorted = [10, 9, 100, 2].map(formatSequence).sort();
    expect(sorted.map(Number)).toEqual([2, 9, 10, 100]);
    expect(() => formatSequence(0)).toThrow(RangeError);
    expect(() => formatSequence(1.5)).toThrow(RangeError);
  });

  it('travels as a Kafka header and comes back', () => {
    const { event, key } = exampleEvent(portalDossierStatus);
    const record = toKafkaRecord(event, key);
    expect(record.headers.ce_sequence).toBe('0000000002');
    expect(fromKafkaMessage(record.headers, record.value).sequence).toBe('0000000002');
    expect(() => fromKafkaMessage({ ...record.headers, ce_sequence: '12' }, record.value)).toThrow(
      /sequence/,
    );
  });

  it('latest wins: only a higher sequence replaces the one held', () => {
    expect(isNewerPortalStatus(3, undefined)).toBe(true);
    expect(isNewerPortalStatus(3, 2)).toBe(true);
    expect(isNewerPortalStatus(3, 3)).toBe(false);
    expect(isNewerPortalStatus(2, 3)).toBe(false);
  });
});

describe('changes feed cursor', () => {
  it('round-trips and refuses anything else', () => {
    const cursor = { txid: 12_345_678_901n, position: 42n };
    expect(decodePortalCursor(encodePortalCursor(cursor))).toEqual(cursor);
    for (const bad of ['', '1', '1.', 'a.b', '1.2.3', '1;2', `${'9'.repeat(21)}.1`]) {
      expect(() => decodePortalCursor(bad)).toThrow();
    }
  });
});

describe('webhook signature', () => {
  const secret = 's'.repeat(32);
  const body = '{"dossierCode":"X","sequence":1}';

  it('verifies what it signed, within the tolerance', () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: 1_800_000_100 })).toEqual({
      valid: true,
    });
  });

  it('refuses another body, another secret, an old timestamp or a malformed header', () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    const now = { nowSeconds: 1_800_000_000 };
    expect(verifyWebhookSignature(secret, `${body} `, header, now).valid).toBe(false);
    expect(verifyWebhookSignature('t'.repeat(32), body, header, now).valid).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: 1_800_000_301 })).toEqual({
      valid: false,
      reason: 'timestamp outside the tolerance',
    });
    for (const bad of [undefined, '', 't=1', 'v1=00', 't=x,v1=' + '0'.repeat(64)]) {
      expect(verifyWebhookSignature(secret, body, bad, now).valid).toBe(false);
    }
  });
});

describe('topic retention', () => {
  it('compacts the portal stream and keeps 30 days of its history', () => {
    expect(topicConfigOf('portal.dossier-status.v1')).toEqual({
      'cleanup.policy': 'compact',
      'min.compaction.lag.ms': String(30 * 86_400_000),
      'delete.retention.ms': String(86_400_000),
    });
  });

  it('gives every topic a cleanup policy: dead letters 30 days, internal streams 7', () => {
    for (const topic of Object.keys(TOPICS) as TopicName[]) {
      const config = topicConfigOf(topic);
      expect(['compact', 'delete']).toContain(config['cleanup.policy']);
      if (topic.startsWith('dlq.')) expect(config['retention.ms']).toBe(String(30 * 86_400_000));
    }
    expect(topicConfigOf('dossiers.dossier.v1')['retention.ms']).toBe(String(7 * 86_400_000));
  });
});
