import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SqlTransaction } from '@motcua/messaging';

/**
 * Idempotency-Key → dossier, per caller, claimed in the intake statement (intake.record.ts). A
 * concurrent request with the same key waits on the row until the first commits (then writes
 * nothing and answers with the first dossier) or rolls back (then claims it itself).
 */
@Injectable()
export class IntakeIdempotencyRepository {
  /**
   * An earlier request's key, if any (read before the intake statement: a retry takes no number).
   * Every intake with a key reads it, so it is a prepared statement on the plain pool, not a model query.
   */
  async find(
    db: SqlTransaction,
    caller: string,
    key: string,
  ): Promise<{ dossierId: string; requestHash: string } | undefined> {
    const [row] = await db.$queryRawUnsafe<{ dossier_id: string; request_hash: string }[]>(
      'SELECT dossier_id, request_hash FROM intake_idempotency_key WHERE caller_subject = $1 AND key = $2',
      caller,
      key,
    );
    return row ? { dossierId: row.dossier_id, requestHash: row.request_hash } : undefined;
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
