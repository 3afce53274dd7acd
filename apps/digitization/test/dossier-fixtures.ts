import { randomBytes, randomUUID } from 'node:crypto';
import type { dossierProcessed, dossierReceived, EventData } from '@motcua/contracts';
import { addCalendarDays, todayInVietnam } from '@motcua/calendar';

const pick = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');

/** An agency code of its own per test run, so the rates see only this run's dossiers. */
export function testAgency(): string {
  return `T${pick(2)}.${pick(3)}.H${pick(2)}`;
}

export const newApplicantKey = () => randomBytes(32).toString('hex');

/** Today and tomorrow in Vietnam (UTC+7), YYYY-MM-DD. */
export function vietnamDay(offsetDays = 0): string {
  return addCalendarDays(todayInVietnam(), offsetDays);
}

export function dossierFacts(agencyCode: string, applicantKey: string) {
  const now = new Date().toISOString();
  return {
    dossierId: randomUUID(),
    dossierCode: `${agencyCode}-${vietnamDay().slice(2).replace(/-/g, '')}-${String(1 + Math.floor(Math.random() * 9998)).padStart(4, '0')}`,
    procedureCode: '1.005432',
    procedureVersion: 1,
    agencyCode,
    domainCode: 'QLG',
    channel: 'in_person' as const,
    applicantType: 'business' as const,
    applicantKey,
    occurredAt: now,
    receivedAt: now,
    dueDate: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  };
}

export type Facts = ReturnType<typeof dossierFacts>;

export function received(facts: Facts, codes: string[]): EventData<typeof dossierReceived> {
  return {
    ...facts,
    portalStatus: 2,
    receivedBy: { unitCode: 'VP.MC' },
    documents: codes.map((code) => ({ code, digitized: false, reused: false })),
    timeLimit: { value: 5, unit: 'working_days' },
    calendarVersion: '2026.2',
    workflow: [
      { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', dueDate: facts.dueDate },
      { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', dueDate: facts.dueDate },
    ],
    populationDataUsed: false,
  };
}

export function processed(facts: Facts): EventData<typeof dossierProcessed> {
  return {
    ...facts,
    occurredAt: new Date().toISOString(),
    portalStatus: 9,
    processedBy: { unitCode: 'P.QLG' },
    resultType: 'license',
    electronicResult: true,
  };
}
