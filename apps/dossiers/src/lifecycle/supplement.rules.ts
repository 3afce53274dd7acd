import type { MissingItem, SubmittedDocument } from '../dossier/dossier-status';
import type { RuleViolation } from './lifecycle.policies';

/** A requested item still awaited, numbered from 1 in the order of the request (form 02). */
export type OutstandingItem = MissingItem & { item: number };

/** Every item of a supplement request, numbered: all are awaited when the request is issued. */
export function outstandingOf(missing: readonly MissingItem[]): OutstandingItem[] {
  return missing.map((m, i) => ({ ...m, item: i + 1 }));
}

export type SupplementArrival = {
  /** Items met by this arrival. */
  met: OutstandingItem[];
  /** Items still awaited after it. */
  outstanding: OutstandingItem[];
  /** Every requested item has now arrived: the clock may restart. */
  complete: boolean;
  violations: RuleViolation[];
};

/**
 * Nhận hồ sơ bổ sung: an item naming a document code is met by a document of that code; an item
 * without one is met by its number. Items arrive cumulatively over several visits; only when none
 * is left does the supplement count as complete (the time limit restarts then, never before).
 * A number that names no awaited item is refused (422): nothing is recorded.
 */
export function applySupplement(
  outstanding: readonly OutstandingItem[],
  arrived: { documents: readonly Pick<SubmittedDocument, 'code'>[]; items?: readonly number[] },
): SupplementArrival {
  const codes = new Set(arrived.documents.map((d) => d.code));
  const numbers = new Set(arrived.items ?? []);
  const awaited = new Set(outstanding.map((o) => o.item));
  const violations = [...numbers]
    .filter((n) => !awaited.has(n))
    .map((n) => ({
      field: 'items',
      rule: 'awaited-item',
      message: `item ${n} is not an awaited item of the supplement request (awaited: ${[...awaited].join(', ') || 'none'})`,
    }));
  const isMet = (o: OutstandingItem) =>
    (o.documentCode !== undefined && codes.has(o.documentCode)) || numbers.has(o.item);
  const met = outstanding.filter(isMet);
  const left = outstanding.filter((o) => !isMet(o));
  return { met, outstanding: left, complete: left.length === 0, violations };
}
