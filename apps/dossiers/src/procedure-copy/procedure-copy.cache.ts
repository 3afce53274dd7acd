import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';

/**
 * The procedure versions intake found in force, per (code, local date), for a minute. Intake
 * writes its dossier only if that version is still the one in force when the statement runs
 * (intake.record.ts checks it), and evicts the entry otherwise, so a cached version can make an
 * intake retry but never accept a dossier under a version that is no longer in force. Only found
 * versions are kept: an unknown procedure is looked up again every time.
 */
@Injectable()
export class ProcedureCopyCache {
  private readonly entries = new Map<string, { version: ProcedureVersion; until: number }>();

  get(code: string, localDate: string): ProcedureVersion | undefined {
    const key = `${code}|${localDate}`;
    const entry = this.entries.get(key);
    if (entry && Date.now() < entry.until) return entry.version;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(code: string, localDate: string, version: ProcedureVersion): void {
    if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(`${code}|${localDate}`, { version, until: Date.now() + TTL_MS });
  }

  evict(code: string, localDate: string): void {
    this.entries.delete(`${code}|${localDate}`);
  }
}

const TTL_MS = 60_000;
const CAPACITY = 2_000;
