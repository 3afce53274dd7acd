import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `actorSchema` of events: the officer's unit, and the officer id when it is a UUID. */
export function actorOf(principal: Principal): { unitCode: string; officerId?: string } {
  if (!principal.unit) {
    throw new DomainProblem(403, 'unit-required', 'Forbidden', 'Only officers of a unit may do this (the token has no unit claim).');
  }
  return UUID.test(principal.subject) ? { unitCode: principal.unit, officerId: principal.subject } : { unitCode: principal.unit };
}

/** A YYYY-MM-DD date as the Date Prisma stores in a `@db.Date` column. */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export const OFFICER_ROLES = ['desk_officer', 'specialist', 'leader'] as const;
