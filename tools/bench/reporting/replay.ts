import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@motcua/auth';
import { CONSUMERS } from '@motcua/contracts';
import { repoRoot } from '@motcua/stack';
import { percentile } from '../bench-kit';
import { kafkaOf, type BenchTarget } from '../dossiers/intake-kit';

/** Every topic reporting's projections read (a rebuild replays them all). */
const TOPICS = [...new Set(CONSUMERS.reporting.map((c) => c.topic))];

export type ReplayResult = {
  /** Messages on reporting's topics when the run began: what both readers read. */
  events: number;
  /** A plain KafkaJS batch consumer reading them all, doing nothing with them (messages/s). */
  plainPerSecond: number;
  /** Reporting's rebuild: a new generation projecting them all until it is switched to (messages/s). */
  replayPerSecond: number;
  /** The dashboard's figures (the current year, every agency) while the rebuild ran. */
  dashboardP95: number;
  dashboardSamples: number;
  dashboardFailures: number;
};

async function endsOf(target: BenchTarget) {
  const admin = kafkaOf(target, 'bench-replay-admin').admin();
  await admin.connect();
  try {
    const ends = new Map<string, number>();
    let events = 0;
    for (const topic of TOPICS) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${p.partition}`, Number(p.high));
        events += Math.max(0, Number(p.high) - Number(p.low));
      }
    }
    return { ends, events };
  } finally {
    await admin.disconnect();
  }
}

/** Reads every topic from the beginning up to `ends` with eachBatch and no processing; ms taken, group join included. */
async function plainRead(target: BenchTarget, ends: Map<string, number>): Promise<number> {
  const consumer = kafkaOf(target, 'bench-replay-plain').consumer({
    groupId: `bench-replay-plain-${randomUUID()}`,
  });
  const behind = new Set([...ends].filter(([, end]) => end > 0).map(([key]) => key));
  const started = Date.now();
  let finished = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: TOPICS, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      if (behind.size === 0) resolve();
      void consumer.run({
        eachBatch: async ({ batch }) => {
          const key = `${batch.topic}/${batch.partition}`;
          if (Number(batch.lastOffset()) + 1 >= (ends.get(key) ?? 0)) behind.delete(key);
          if (behind.size === 0 && !finished) {
            finished = Date.now();
            resolve();
          }
        },
      });
    });
    await done;
    return (finished || Date.now()) - started;
  } finally {
    await consumer.disconnect();
  }
}

/**
 * The replay figures of issue 17 in one run: the messages on reporting's topics read by a plain
 * KafkaJS batch consumer (the baseline), then reporting's rebuild of its projections from the same
 * topics (POST /admin/projections/rebuild until the new generation is switched to; the rebuild
 * checks its lag every 200 ms, so its time is rounded up by up to that), while the dashboard's
 * figures for the current year are asked for in a loop (unless `dashboard` is false: the replay's
 * own cost, without a reader's). Both times include joining the group.
 */
export async function replayBench(
  target: BenchTarget & { reportingUrl: string },
  timeoutMs = 600_000,
  /** The day whose year's figures the dashboard asks for (default today). */
  date = new Date().toISOString().slice(0, 10),
  dashboard = true,
): Promise<ReplayResult> {
  const { ends, events } = await endsOf(target);
  const plainMs = await plainRead(target, ends);

  const issuer = target.issuer ? { issuer: target.issuer } : {};
  const admin = await mintDevToken(repoRoot(), {
    subject: 'bench-replay-admin',
    roles: ['admin'],
    ...issuer,
  });
  const headers = { authorization: `Bearer ${admin}` };
  const figures: number[] = [];
  let failures = 0;
  let replaying = dashboard;
  const reader = (async () => {
    while (replaying) {
      const t0 = performance.now();
      const response = await fetch(`${target.reportingUrl}/figures?period=year&date=${date}`, {
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      if (response?.ok) {
        await response.arrayBuffer();
        figures.push(performance.now() - t0);
      } else failures++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const waitFrom = Date.now();
  let started = Date.now();
  try {
    const rebuild = () => {
      started = Date.now();
      return fetch(`${target.reportingUrl}/admin/projections/rebuild`, { method: 'POST', headers });
    };
    let begun = await rebuild();
    // A rebuild someone else started (409) is waited for, then ours starts.
    while (begun.status === 409 && Date.now() - waitFrom < timeoutMs) {
      await new Promise((r) => setTimeout(r, 500));
      begun = await rebuild();
    }
    if (begun.status !== 202)
      throw new Error(`the rebuild answered ${begun.status}: ${await begun.text()}`);
    const { generation } = (await begun.json()) as { generation: number };
    for (;;) {
      if (Date.now() - started > timeoutMs) throw new Error('the rebuild did not finish in time');
      const state = (await (
        await fetch(`${target.reportingUrl}/admin/projections`, { headers })
      ).json()) as { building?: unknown; generations: { generation: number; status: string }[] };
      const switched = state.generations.some(
        (g) => g.generation === generation && g.status === 'active',
      );
      if (!state.building && switched) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    replaying = false;
    await reader;
  }
  const replayMs = Date.now() - started;
  return {
    events,
    plainPerSecond: events / (plainMs / 1000),
    replayPerSecond: events / (replayMs / 1000),
    dashboardP95: figures.length > 0 ? percentile(figures, 95) : Number.NaN,
    dashboardSamples: figures.length,
    dashboardFailures: failures,
  };
}
