import { uuid } from '@motcua/contracts';
import type { Principal } from './roles';

/** Who acted, as events carry it (`actorSchema` of libs/contracts): a unit, maybe an officer id. */
export type EventActor = { unitCode: string; officerId?: string };

/**
 * The actor of an event: the caller's unit (the token's `unit` claim, else `fallbackUnit`, the
 * unit that owns the step or the intake), and the officer id when the token's subject is a UUID.
 *
 * One rule for every service: the subject is kept exactly when it is a UUID by the same check as
 * the contracts' `actorSchema` (RFC 9562: version 1-8, variant 10xx, or the nil/max UUID), so an
 * event is never refused for its actor, and the same officer appears in the events of every
 * service. Why keep it: a UUID subject is the identity provider's opaque id of an officer, not
 * personal data, and the audit trail and the per-officer figures need it. Any other subject (a
 * user name, a CCCD number, a phone number) may be personal data and never goes into an event.
 */
export function actorOf(principal: Principal, fallbackUnit: string): EventActor {
  const unitCode = principal.unit ?? fallbackUnit;
  return uuid.safeParse(principal.subject).success
    ? { unitCode, officerId: principal.subject }
    : { unitCode };
}
