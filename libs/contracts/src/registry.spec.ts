// ajv 6 (JSON Schema draft-07) is installed with eslint; it checks the generated schemas here.
import Ajv from 'ajv';
import { envelopeSchema } from './envelope';
import { agencyTreePublished } from './events/agency.events';
import { CONSUMERS, EXTERNAL_CONSUMERS, EXTERNAL_PRODUCERS, producedBy, producerOf } from './flows';
import { exampleEvent } from './generation/examples';
import { documentedJsonSchema } from './generation/json-schema';
import {
  ALL_EVENTS,
  CATALOG_EVENTS,
  DIGITIZATION_EVENTS,
  DOSSIER_EVENTS,
  FEEDBACK_EVENTS,
  INBOUND_EVENTS,
  PORTAL_EVENTS,
  contractOfType,
} from './registry';
import { TOPICS } from './topics';

const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });

const cases = ALL_EVENTS.map((contract) => [contract.type, contract] as const);

describe('the registry', () => {
  it('lists every contract once, with unique CloudEvents types', () => {
    expect(new Set(ALL_EVENTS.map((c) => c.type)).size).toBe(ALL_EVENTS.length);
    expect(ALL_EVENTS).toHaveLength(
      CATALOG_EVENTS.length +
        DOSSIER_EVENTS.length +
        FEEDBACK_EVENTS.length +
        DIGITIZATION_EVENTS.length +
        PORTAL_EVENTS.length +
        INBOUND_EVENTS.length,
    );
    for (const contract of ALL_EVENTS) expect(contractOfType(contract.type)).toBe(contract);
    expect(contractOfType('motcua.nothing.v1')).toBeUndefined();
  });

  it('names types <name>.v<version>', () => {
    for (const contract of ALL_EVENTS) {
      expect(contract.type).toBe(`${contract.name}.v${contract.version}`);
      expect(contract.name).toMatch(/^motcua\.[a-z]+\.[a-z-]+$/);
    }
  });

  it('sends each family on its own topic', () => {
    const topicsOf = (list: readonly { topic: string }[]) =>
      [...new Set(list.map((c) => c.topic))].sort();
    expect(topicsOf(CATALOG_EVENTS)).toEqual([
      'catalog.agency.v1',
      'catalog.procedure.v1',
      'catalog.review.v1',
    ]);
    expect(topicsOf(DOSSIER_EVENTS)).toEqual(['dossiers.dossier.v1']);
    expect(topicsOf(FEEDBACK_EVENTS)).toEqual(['feedback.feedback.v1']);
    expect(topicsOf(DIGITIZATION_EVENTS)).toEqual(['digitization.document.v1']);
    expect(topicsOf(PORTAL_EVENTS)).toEqual(['portal.dossier-status.v1']);
    expect(topicsOf(INBOUND_EVENTS)).toEqual(['portal.dossier-ack.v1']);
  });

  it('uses one key field per topic', () => {
    const keys = new Map<string, Set<string>>();
    for (const c of ALL_EVENTS)
      keys.set(c.topic, new Set([...(keys.get(c.topic) ?? []), c.keyField]));
    expect(Object.fromEntries([...keys].map(([topic, fields]) => [topic, [...fields]]))).toEqual({
      'catalog.procedure.v1': ['code'],
      'catalog.review.v1': ['campaignId'],
      'catalog.agency.v1': ['provinceCode'],
      'dossiers.dossier.v1': ['dossierId'],
      'feedback.feedback.v1': ['feedbackId'],
      'digitization.document.v1': ['applicantKey'],
      'portal.dossier-status.v1': ['dossierCode'],
      'portal.dossier-ack.v1': ['dossierCode'],
    });
  });

  it('knows producers and consumers per the service table', () => {
    expect(producedBy('catalog')).toEqual([...CATALOG_EVENTS]);
    expect(producedBy('dossiers')).toEqual([...DOSSIER_EVENTS, ...PORTAL_EVENTS]);
    expect(producedBy('feedback')).toEqual([...FEEDBACK_EVENTS]);
    expect(producedBy('digitization')).toEqual([...DIGITIZATION_EVENTS]);
    expect(producedBy('reporting')).toEqual([]);
    expect(CONSUMERS.reporting).toHaveLength(ALL_EVENTS.length - PORTAL_EVENTS.length);
    expect(CONSUMERS.reporting).toEqual(expect.arrayContaining([...INBOUND_EVENTS]));
    expect(EXTERNAL_PRODUCERS.portal.contracts).toEqual(INBOUND_EVENTS);
    for (const contract of INBOUND_EVENTS) expect(producerOf(contract)).toBe('portal');
    expect(CONSUMERS.digitization).toEqual([...DOSSIER_EVENTS, agencyTreePublished]);
    expect(CONSUMERS.dossiers.map((c) => c.type)).toContain('motcua.document.digitized.v1');
    expect(EXTERNAL_CONSUMERS.portal).toEqual(PORTAL_EVENTS);
    for (const contract of ALL_EVENTS) expect(() => producerOf(contract)).not.toThrow();
  });
});

describe.each(cases)('%s', (type, contract) => {
  it('travels on a known topic and keys on a required string field', () => {
    expect(Object.keys(TOPICS)).toContain(contract.topic);
    const schema = documentedJsonSchema(contract) as {
      required: string[];
      properties: Record<string, { type: string }>;
    };
    expect(schema.required).toContain(contract.keyField);
    expect(schema.properties[contract.keyField].type).toBe('string');
  });

  it('has an example valid against its zod schema and its generated JSON Schema', () => {
    expect(contract.schema.safeParse(contract.example).success).toBe(true);
    const validate = ajv.compile(documentedJsonSchema(contract));
    const valid = validate(JSON.parse(JSON.stringify(contract.example)));
    expect([type, validate.errors ?? null]).toEqual([type, null]);
    expect(valid).toBe(true);
  });

  it('has an example that makes a valid CloudEvent', () => {
    const { event, key } = exampleEvent(contract);
    expect(envelopeSchema.safeParse(event).success).toBe(true);
    expect(event.type).toBe(type);
    expect(event.subject).toBe(key);
  });
});
