import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Subscription } from 'rxjs';
import { ChangeFeed } from '../changes/change-feed.service';

/** The active generation as a query sees it: `settled` once every instance must know it is active. */
export type ActiveGeneration = { generation: number; settled: boolean };

/**
 * Seconds after a switch before answers of the new active generation are kept: until every
 * instance's consumers have noticed the switch (they re-read it every 2 s), the new generation's
 * changes may be projected without a change notice.
 */
export const SWITCH_SETTLE_SECONDS = 10;

/** At most this many answers, and at most this many groups (rows) in all of them: a few MB. */
const MAX_ANSWERS = 500;
const MAX_GROUPS = 5000;

/** A clock-dependent answer ("overdue now") is kept this many times as long as it took, at least MIN_CLOCK_MS. */
const CLOCK_FACTOR = 10;
const MIN_CLOCK_MS = 1000;

type Kept = { answer: unknown; groups: number; expiresAt?: number };
type Computing = { epoch: number; promise: Promise<unknown> };

/**
 * The figures' answers kept in memory (an LRU) until the facts or the active generation change:
 * any change notice of any instance (ChangeFeed, through Redis) forgets every answer, and an
 * answer is keyed by its generation, so once another generation is active it is never given
 * again. Answers that read the clock expire after max(1 s, 10 × the time their query took).
 * Nothing is kept while the change feed may miss notices, nor for a generation just switched to,
 * nor when a notice arrived while the answer was being computed (its query may predate it).
 * Concurrent askers of the same answer share one query.
 */
@Injectable()
export class FiguresAnswerCache implements OnModuleInit, OnModuleDestroy {
  private readonly kept = new LRUCache<string, Kept>({
    max: MAX_ANSWERS,
    maxSize: MAX_GROUPS,
    sizeCalculation: (kept) => Math.max(1, kept.groups),
  });
  private readonly computing = new Map<string, Computing>();
  /** Bumped by every change notice: an answer computed across a notice is not kept. */
  private epoch = 0;
  private subscription?: Subscription;

  constructor(private readonly feed: ChangeFeed) {}

  onModuleInit(): void {
    this.subscription = this.feed.notices.subscribe(() => this.forget());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Forgets every answer (and lets no query in flight keep its answer). */
  forget(): void {
    this.epoch += 1;
    this.kept.clear();
    this.computing.clear();
  }

  /**
   * The answer for `key` in `active`'s generation, from memory when it is still true, else from
   * `compute`. `clockDependent`: the answer reads the current time.
   */
  async answer<T extends { groups: unknown[] }>(
    active: ActiveGeneration,
    key: string,
    clockDependent: boolean,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (!active.settled || !this.feed.listening) return compute();
    const id = `${active.generation}\u0000${key}`;
    const kept = this.kept.get(id);
    if (kept && (kept.expiresAt === undefined || kept.expiresAt > Date.now()))
      return kept.answer as T;
    const running = this.computing.get(id);
    if (running?.epoch === this.epoch) return running.promise as Promise<T>;
    const epoch = this.epoch;
    const started = performance.now();
    const promise = compute().then((answer) => {
      if (epoch === this.epoch && this.feed.listening) {
        const took = performance.now() - started;
        this.kept.set(id, {
          answer,
          groups: answer.groups.length,
          expiresAt: clockDependent
            ? Date.now() + Math.max(MIN_CLOCK_MS, CLOCK_FACTOR * took)
            : undefined,
        });
      }
      return answer;
    });
    const entry = { epoch, promise };
    this.computing.set(id, entry);
    const done = () => {
      if (this.computing.get(id) === entry) this.computing.delete(id);
    };
    promise.then(done, done);
    return promise;
  }
}
