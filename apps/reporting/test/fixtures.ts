import { randomBytes, randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { todayInVietnam, toLocalDate, toLocalTime } from '@motcua/calendar';
import {
  buildEvent,
  dossierReceived,
  procedurePublished,
  toKafkaRecord,
  type CloudEvent,
  type EventContract,
  type EventData,
} from '@motcua/contracts';
import { testEnv, testKafka } from '@motcua/testing';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const pick = (n: number) => Array.from(randomBytes(n), (b) => LETTERS[b % LETTERS.length]).join('');

/** An agency code of this test alone (QCVN 102 shape), so that shared topics do not disturb assertions. */
export function uniqueAgency(): string {
  return `ZR.${pick(3)}.${pick(3)}`;
}

/** ISO instant `hours` from now, with the +07:00 offset the services write. */
export function at(hours: number, from = Date.now()): string {
  const instant = new Date(from + hours * 3600000);
  return `${toLocalDate(instant)}T${toLocalTime(instant)}+07:00`;
}
/** Today's local date (libs/calendar). */
export const localToday = (): string => todayInVietnam();

let sequence = 0;
export type Dossier = {
  dossierId: string;
  dossierCode: string;
  agencyCode: string;
  procedureCode: string;
  domainCode: string;
  receivedAt?: string;
  dueDate?: string;
};
export function newDossier(agencyCode: string, procedureCode: string, domainCode = 'QLG'): Dossier {
  sequence += 1;
  const day = localToday().slice(2).replace(/-/g, '');
  const seq = String((randomBytes(2).readUInt16BE(0) % 9000) + 1 + sequence)
    .padStart(4, '0')
    .slice(-4);
  return {
    dossierId: randomUUID(),
    dossierCode: `${agencyCode}-${day}-${seq === '0000' ? '0001' : seq}`,
    agencyCode,
    procedureCode,
    domainCode,
  };
}

/** The facts every dossier event carries (receipt and due date as the dossier has them so far). */
export function facts(
  d: Dossier,
  portalStatus: number,
  occurredAt: string,
  extra: Record<string, unknown> = {},
) {
  if (typeof extra.dueDate === 'string') d.dueDate = extra.dueDate;
  return {
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    // Not the contract example's: without it the projection derives the legal due date itself.
    legalDueDate: undefined,
    dossierId: d.dossierId,
    dossierCode: d.dossierCode,
    procedureCode: d.procedureCode,
    procedureVersion: 1,
    agencyCode: d.agencyCode,
    domainCode: d.domainCode,
    portalStatus,
    channel: 'online',
    applicantType: 'business',
    applicantKey: randomBytes(32).toString('hex'),
    occurredAt,
    ...extra,
  };
}

export function received(
  d: Dossier,
  receivedAt: string,
  dueDate: string,
  extra: Record<string, unknown> = {},
) {
  d.receivedAt = receivedAt;
  return event(dossierReceived, {
    ...dossierReceived.example,
    ...facts(d, 2, receivedAt, { receivedAt, dueDate }),
    ...extra,
  } as EventData<typeof dossierReceived>);
}

export function procedure(
  code: string,
  agencyCode: string,
  onlineLevel: 'full' | 'partial' | 'none',
) {
  return event(procedurePublished, {
    ...procedurePublished.example,
    procedureId: randomUUID(),
    code,
    agencyCode,
    onlineLevel,
  });
}

export type Built = { event: CloudEvent; topic: string; key: string };
export function event<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  id?: string,
): Built {
  const built = buildEvent(contract, data, {
    correlationId: 'reporting-test',
    ...(id ? { id } : {}),
  });
  return { event: built.event, topic: built.topic, key: built.key };
}

export async function connectProducer(): Promise<Producer> {
  const producer = testKafka(testEnv.kafkaBrokers(), 'reporting-test').producer({
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  return producer;
}

/** Publishes events in order (one send per event keeps the order across topics too). */
export async function publish(producer: Producer, events: Built[]): Promise<void> {
  for (const e of events)
    await producer.send({ topic: e.topic, acks: -1, messages: [toKafkaRecord(e.event, e.key)] });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are parsed JSON
export async function getJson<T = any>(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: T; type: string | null }> {
  const response = await fetch(url, init);
  const type = response.headers.get('content-type');
  const text = await response.text();
  return {
    status: response.status,
    body: (type?.includes('json') ? JSON.parse(text) : text) as T,
    type,
  };
}
