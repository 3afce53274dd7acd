import { Subject } from 'rxjs';
import type { ChangeFeed } from '../changes/change-feed.service';
import type { ChangeNotice } from '../projections/change-notice.repository';
import { FiguresAnswerCache } from './answer-cache';

type Answer = { groups: unknown[]; n: number };

function cacheWithFeed() {
  const notices = new Subject<ChangeNotice>();
  const feed = { notices, listening: true };
  const cache = new FiguresAnswerCache(feed as unknown as ChangeFeed);
  cache.onModuleInit();
  let computed = 0;
  const compute =
    (groups = 1) =>
    async (): Promise<Answer> => ({
      groups: Array.from({ length: groups }),
      n: ++computed,
    });
  const notice = () => notices.next({ instance: 'other', generation: 1, type: 'x' });
  return { cache, feed, compute, notice, computed: () => computed };
}

const settled = { generation: 1, settled: true };

describe('the figures answer cache', () => {
  afterEach(() => jest.useRealTimers());

  it('answers from memory until a change notice, then computes again', async () => {
    const { cache, compute, notice } = cacheWithFeed();
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(1);
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(1);
    notice();
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(2);
  });

  it('keeps answers apart per generation and key', async () => {
    const { cache, compute } = cacheWithFeed();
    await cache.answer(settled, 'k', false, compute());
    expect((await cache.answer({ generation: 2, settled: true }, 'k', false, compute())).n).toBe(2);
    expect((await cache.answer(settled, 'other', false, compute())).n).toBe(3);
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(1);
  });

  it('keeps nothing for a generation not settled yet, nor while the feed may miss notices', async () => {
    const { cache, feed, compute } = cacheWithFeed();
    const fresh = { generation: 1, settled: false };
    await cache.answer(fresh, 'k', false, compute());
    expect((await cache.answer(fresh, 'k', false, compute())).n).toBe(2);
    feed.listening = false;
    await cache.answer(settled, 'k', false, compute());
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(4);
  });

  it('does not keep an answer whose query ran across a change notice', async () => {
    const { cache, compute, notice } = cacheWithFeed();
    let release!: () => void;
    const slow = async (): Promise<Answer> => {
      await new Promise<void>((r) => (release = r));
      return { groups: [], n: 100 };
    };
    const first = cache.answer(settled, 'k', false, slow);
    notice();
    // asked after the notice: does not join the query that began before it
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(1);
    release();
    expect((await first).n).toBe(100);
    expect((await cache.answer(settled, 'k', false, compute())).n).toBe(1);
  });

  it('shares one query between concurrent askers', async () => {
    const { cache, compute, computed } = cacheWithFeed();
    const answers = await Promise.all(
      [1, 2, 3].map(() => cache.answer(settled, 'k', false, compute())),
    );
    expect(answers.map((a) => a.n)).toEqual([1, 1, 1]);
    expect(computed()).toBe(1);
  });

  it('refreshes an answer that reads the clock after max(1 s, 10 × its query time)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const { cache, compute } = cacheWithFeed();
    await cache.answer(settled, 'k', true, compute());
    jest.advanceTimersByTime(900);
    expect((await cache.answer(settled, 'k', true, compute())).n).toBe(1);
    jest.advanceTimersByTime(200);
    expect((await cache.answer(settled, 'k', true, compute())).n).toBe(2);
    const slow = async (): Promise<Answer> => {
      jest.advanceTimersByTime(150); // a query of 150 ms
      return { groups: [], n: 50 };
    };
    await cache.answer(settled, 'slow', true, slow);
    jest.advanceTimersByTime(1400);
    expect((await cache.answer(settled, 'slow', true, compute())).n).toBe(50);
    jest.advanceTimersByTime(200);
    expect((await cache.answer(settled, 'slow', true, compute())).n).toBe(3);
  });

  it('stays within its bound of groups, forgetting the least recently used', async () => {
    const { cache, compute } = cacheWithFeed();
    await cache.answer(settled, 'a', false, compute(2400));
    await cache.answer(settled, 'b', false, compute(2400));
    await cache.answer(settled, 'a', false, compute());
    await cache.answer(settled, 'c', false, compute(200)); // 5,000 groups: all kept
    await cache.answer(settled, 'd', false, compute(100)); // over: b, least recently used, goes
    expect((await cache.answer(settled, 'a', false, compute())).n).toBe(1);
    expect((await cache.answer(settled, 'c', false, compute())).n).toBe(3);
    expect((await cache.answer(settled, 'b', false, compute())).n).toBe(5);
  });
});
