import { Injectable } from '@nestjs/common';
import { asyncScheduler, filter, interval, map, merge, throttleTime, type Observable } from 'rxjs';
import { ChangeFeed } from '../changes/change-feed.service';

export type LiveMessage = {
  data: { kind: 'changed' | 'ping'; type?: string; generation?: number };
};

/**
 * Live updates for browsers: every instance hears every projection change (ChangeFeed) and pushes
 * a server-sent event to its browsers, which then re-read the figures. Browsers' streams stay
 * open while the database or Redis is away (heartbeats keep coming); after a reconnection they
 * are told to re-read, as notices may have been missed.
 */
@Injectable()
export class LiveUpdatesService {
  constructor(private readonly feed: ChangeFeed) {}

  /** Server-sent events for one browser: changes that may touch its filter, at most ~4 per second, and a heartbeat. */
  stream(agency?: string, domain?: string): Observable<LiveMessage> {
    const relevant = this.feed.notices.pipe(
      filter(
        (n) =>
          (!agency || !n.agencyCode || n.agencyCode === agency) &&
          (!domain || !n.domainCode || n.domainCode === domain),
      ),
      throttleTime(250, asyncScheduler, { leading: true, trailing: true }),
      map((n): LiveMessage => ({
        data: { kind: 'changed', type: n.type, generation: n.generation },
      })),
    );
    const ping = interval(15000).pipe(map((): LiveMessage => ({ data: { kind: 'ping' } })));
    return merge(relevant, ping);
  }
}
