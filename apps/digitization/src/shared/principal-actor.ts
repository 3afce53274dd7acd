import { actorOf, type EventActor, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';

/** The actor of events for an officer of a unit (libs/auth `actorOf`); 403 when the token has no unit. */
export function requireUnitActor(principal: Principal): EventActor {
  if (!principal.unit) {
    throw new DomainProblem(
      403,
      'unit-required',
      'Forbidden',
      'Only officers of a unit may do this (the token has no unit claim).',
    );
  }
  return actorOf(principal, principal.unit);
}

/** A YYYY-MM-DD date as the Date Prisma stores in a `@db.Date` column. */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}
