import { partitionKeyOf } from './define-event';
import { buildEvent } from './envelope';
import { dossierReceived } from './events/dossier.events';
import { procedurePublished } from './events/procedure.events';
import { resultIssued } from './events/digitization.events';
import { portalDossierStatus } from './events/portal.events';
import { fromKafkaMessage, MalformedEventError, toKafkaRecord } from './kafka-binding';

const context = {
  id: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  correlationId: 'req-42',
  causationId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  time: new Date('2026-11-30T01:30:00.000Z'),
};

describe('CloudEvents envelope in the Kafka binary binding', () => {
  it('round-trips an event: attributes as ce_ headers, data as the JSON value, key = aggregate id', () => {
    const { event, key, topic } = buildEvent(dossierReceived, dossierReceived.example, context);
    expect(topic).toBe('dossiers.dossier.v1');
    expect(key).toBe(dossierReceived.example.dossierId);
    expect(event.subject).toBe(key);

    const record = toKafkaRecord(event, key);
    expect(record.key).toBe(key);
    expect(record.headers).toMatchObject({
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: context.id,
      ce_type: 'motcua.dossier.received.v1',
      ce_source: '/motcua/dossiers',
      ce_time: '2026-11-30T01:30:00.000Z',
      ce_subject: key,
      ce_correlationid: 'req-42',
      ce_causationid: context.causationId,
      ce_traceparent: context.traceparent,
    });

    const asReceived = Object.fromEntries(
      Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]),
    );
    const back = fromKafkaMessage(asReceived, record.value);
    expect(back).toEqual(event);
    expect(dossierReceived.schema.parse(back.data)).toEqual(dossierReceived.example);
  });

  it('leaves optional attributes out when absent', () => {
    const { event, key } = buildEvent(procedurePublished, procedurePublished.example, {
      correlationId: 'c-1',
    });
    const record = toKafkaRecord(event, key);
    expect(record.headers).not.toHaveProperty('ce_causationid');
    expect(record.headers).not.toHaveProperty('ce_traceparent');
    expect(fromKafkaMessage(record.headers, record.value)).toEqual(event);
  });

  it('refuses to build an event whose data breaks the contract', () => {
    const bad = { ...dossierReceived.example, dossierCode: '000.00.15.H26-261330-0001' };
    expect(() => buildEvent(dossierReceived, bad, context)).toThrow();
  });

  describe('rejects malformed messages with MalformedEventError', () => {
    const { event, key } = buildEvent(resultIssued, resultIssued.example, context);
    const good = toKafkaRecord(event, key);
    const without = (name: string) =>
      Object.fromEntries(Object.entries(good.headers).filter(([k]) => k !== name));

    it.each([
      ['no headers at all', undefined, good.value],
      ['missing ce_id', without('ce_id'), good.value],
      ['missing ce_type', without('ce_type'), good.value],
      ['missing content-type', without('content-type'), good.value],
      ['ce_id not a uuid', { ...good.headers, ce_id: 'not-a-uuid' }, good.value],
      ['ce_specversion 0.3', { ...good.headers, ce_specversion: '0.3' }, good.value],
      ['ce_type without version', { ...good.headers, ce_type: 'motcua.result.issued' }, good.value],
      ['ce_time not an instant', { ...good.headers, ce_time: 'yesterday' }, good.value],
      ['content-type not JSON', { ...good.headers, 'content-type': 'text/plain' }, good.value],
      ['bad traceparent', { ...good.headers, ce_traceparent: '00-xyz' }, good.value],
      ['empty value', good.headers, Buffer.alloc(0)],
      ['null value', good.headers, null],
      ['value not JSON', good.headers, Buffer.from('{oops')],
    ])('%s', (_, headers, value) => {
      expect(() => fromKafkaMessage(headers, value)).toThrow(MalformedEventError);
    });

    it('names what is wrong', () => {
      expect(() => fromKafkaMessage(without('ce_source'), good.value)).toThrow(/source/);
    });
  });
});

describe('partitionKeyOf', () => {
  it('takes the key field of each family', () => {
    expect(partitionKeyOf(procedurePublished, procedurePublished.example)).toBe('1.005432');
    expect(partitionKeyOf(dossierReceived, dossierReceived.example)).toBe(
      dossierReceived.example.dossierId,
    );
    expect(partitionKeyOf(resultIssued, resultIssued.example)).toBe(
      resultIssued.example.applicantKey,
    );
    expect(partitionKeyOf(portalDossierStatus, portalDossierStatus.example)).toBe(
      '000.00.15.H26-261130-0001',
    );
  });

  it('refuses an empty key', () => {
    const data = { ...procedurePublished.example, code: '' };
    expect(() => partitionKeyOf(procedurePublished, data)).toThrow(/key field code is empty/);
  });
});
