import { setImmediate as nextTurn } from 'node:timers/promises';

/** Synchronous work between two yields: long enough to cost little, short enough for an HTTP answer. */
export const SLICE_MS = 10;

/**
 * Cuts a long loop into slices: `yieldIfDue()` lets the event loop run (I/O callbacks: HTTP
 * requests, heartbeats, timers) once about SLICE_MS of work went by since the last yield. A
 * fetched batch is validated message by message without awaiting any I/O, so without it the
 * whole batch (1,000 messages in a replay) would hold the process.
 */
export class WorkSlices {
  private since = performance.now();

  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await nextTurn();
    this.since = performance.now();
  }
}
