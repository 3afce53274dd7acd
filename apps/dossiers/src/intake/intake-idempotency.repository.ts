import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DossiersTx } from '../dossiers.database';

export type IdempotencyClaim = { claimed: true } | { claimed: false; dossierId: string; sameRequest: boolean };

/**
 * Idempotency-Key → dossier, per caller, stored in the intake transaction. A concurrent request
 * with the same key waits on the row until the first commits (then sees it) or rolls back
 * (then claims it itself).
 */
@Injectable()
export class IntakeIdempotencyRepository {
  /** An earlier request's key, if any (read before the intake transaction: a retry takes no number). */
  find(db: Pick<DossiersTx, 'intakeIdempotencyKey'>, caller: string, key: string) {
    return db.intakeIdempotencyKey.findUnique({ where: { callerSubject_key: { callerSubject: caller, key } } });
  }

  async claim(tx: DossiersTx, caller: string, key: string, requestHash: string, dossierId: string): Promise<IdempotencyClaim> {
    const inserted = await tx.$queryRawUnsafe<unknown[]>(
      `INSERT INTO intake_idempotency_key (caller_subject, key, request_hash, dossier_id)
       VALUES ($1, $2, $3, $4::uuid) ON CONFLICT DO NOTHING RETURNING key`,
      caller,
      key,
      requestHash,
      dossierId,
    );
    if (inserted.length === 1) return { claimed: true };
    const existing = await tx.intakeIdempotencyKey.findUniqueOrThrow({
      where: { callerSubject_key: { callerSubject: caller, key } },
    });
    return { claimed: false, dossierId: existing.dossierId, sameRequest: existing.requestHash === requestHash };
  }
}

/** SHA-256 of a canonical JSON form (sorted keys) of the validated request. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
