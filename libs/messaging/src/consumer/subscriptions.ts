import type { CloudEvent, EventContract, EventData } from '@motcua/contracts';

export type EventHandler<Tx, D = unknown> = (event: CloudEvent<D>, tx: Tx) => Promise<void>;
/** Applies consecutive events of one fetched batch together, in offset order, in one transaction. */
export type BatchHandler<Tx, D = unknown> = (events: CloudEvent<D>[], tx: Tx) => Promise<void>;
export type Subscription<Tx> = {
  contract: EventContract;
  handler: EventHandler<Tx, never>;
  /** Set by `subscribeInBatches`: consecutive events whose subscriptions share it go to it together. */
  batch?: BatchHandler<Tx, never>;
};

export function subscribe<Tx, C extends EventContract>(
  contract: C,
  handler: EventHandler<Tx, EventData<C>>,
): Subscription<Tx> {
  return { contract, handler };
}

/**
 * One handler for several contracts that takes runs of consecutive events at once (a projection
 * writing many rows in one statement). A lone event, or one retried on its own, is a run of one.
 * The handler runs in the first event's log context, so it should not emit events of its own.
 */
export function subscribeInBatches<Tx>(
  contracts: readonly EventContract[],
  batch: BatchHandler<Tx, never>,
): Subscription<Tx>[] {
  return contracts.map((contract) => ({
    contract,
    handler: (event: CloudEvent<never>, tx: Tx) => batch([event], tx),
    batch,
  }));
}

/**
 * The broker answers a fetch once `minBytes` are ready or `maxWaitMs` have passed. Under load a
 * fetched batch (one partition's share, and so one chunk transaction) then holds dozens of events
 * instead of one or two; at rest an event waits at most `maxWaitMs` more. Projections that apply
 * every event of a busy topic take a longer wait than the default 64 KiB / 100 ms.
 */
export type FetchShape = {
  minBytes: number;
  maxWaitMs: number;
  /** Most consecutive events of a fetched batch applied in one transaction (default 200). */
  eventsPerTransaction?: number;
};
export const DEFAULT_FETCH: FetchShape = { minBytes: 65536, maxWaitMs: 100 };
/**
 * For projections of every dossier event (reporting, digitization's copy): 256 KiB or 100 ms (at
 * 30 events/s the p99 from the broker to reporting's facts fell from 778 to 325 ms against 500 ms:
 * tools/bench/reporting/lag-ab.ts, docs/benchmarks.md).
 */
export const PROJECTION_FETCH: FetchShape = { minBytes: 262144, maxWaitMs: 100 };
/**
 * For a projection replaying its topics from the beginning (reporting's rebuild): fetches are full,
 * and a chunk of 1,000 events costs about two thirds of five chunks of 200 (fewer statements and
 * commits per event; the replay benchmark, docs/benchmarks.md).
 */
export const REPLAY_FETCH: FetchShape = { ...PROJECTION_FETCH, eventsPerTransaction: 1000 };
