/* eslint-disable @nx/enforce-module-boundaries -- the demo chains and agency tree are the seed's data under tools/ (not an Nx project); this test publishes them through the real catalog. */
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { explainAppointment } from '@motcua/calendar';
import type { Role } from '@motcua/auth';
import { mintTestToken, randomProcedureCode, testEnv, testKafka, waitFor } from '@motcua/testing';
import { DEMO_INTER_AGENCY_PROCEDURES } from '../../../tools/seed/catalog/demo-inter-agency';

/** A demo chain (1.013101 sequential, 1.013102 parallel) under a fresh code, so that runs never collide. */
export function demoChainDecision(demoCode: '1.013101' | '1.013102') {
  const demo = DEMO_INTER_AGENCY_PROCEDURES.find((d) => d.procedure.code === demoCode)!;
  const code = randomProcedureCode(1);
  const body = structuredClone(demo);
  return {
    code,
    body: {
      ...body,
      demo: false,
      decision: { ...body.decision, number: `${code.slice(-4)}/QĐ-UBND` },
      procedure: { ...body.procedure, code },
    },
  };
}

/** A stage's legal due date: its share of the procedure's working days from its start (libs/calendar receipt rules). */
export const stageDue = (startedAt: string | Date, shareDays: number): string =>
  explainAppointment({
    receivedAt: new Date(startedAt),
    limit: { value: Math.ceil(shareDays), unit: 'working_days' },
  }).dueAt.toISOString();

/** A parsed JSON body or message, read field by field by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are parsed JSON
export type Json = any;

export type Who = { role: Role; agency: string; unit?: string; subject?: string };

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  who?: Who,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who)
    headers.authorization = `Bearer ${await mintTestToken({
      subject: who.subject ?? `${who.role}-${who.agency}`,
      roles: [who.role],
      agency: who.agency,
      unit: who.unit ?? 'P.X',
    })}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export type Message = { topic: string; type: string; data: Json };

/** Every message of the dossier and portal topics from the beginning, as the tests read them. */
export async function recordTopics(messages: Message[]): Promise<Consumer> {
  const consumer = testKafka(testEnv.kafkaBrokers(), 'e2e-inter-agency').consumer({
    groupId: `e2e-inter-agency-${randomUUID()}`,
  });
  await consumer.connect();
  await consumer.subscribe({
    topics: ['dossiers.dossier.v1', 'portal.dossier-status.v1'],
    fromBeginning: true,
  });
  await consumer.run({
    eachMessage: async ({ topic, message }) =>
      void messages.push({
        topic,
        type: message.headers?.ce_type?.toString() ?? '',
        data: JSON.parse(message.value?.toString() ?? '{}'),
      }),
  });
  return consumer;
}

/** The messages of one dossier on a topic, once at least `count` arrived. */
export function messagesOf(
  messages: Message[],
  topic: string,
  match: (data: Json) => boolean,
  count: number,
): Promise<Message[]> {
  const found = () => messages.filter((m) => m.topic === topic && match(m.data));
  return waitFor(
    `${count} messages on ${topic}`,
    async () => (found().length >= count ? found() : undefined),
    60_000,
  );
}
