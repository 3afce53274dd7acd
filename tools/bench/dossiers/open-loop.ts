import { percentile } from '../bench-kit';
import {
  intakeClient,
  kafkaArrivals,
  kafkaOf,
  topicEnds,
  watchReporting,
  type BenchProcedure,
  type BenchTarget,
} from './intake-kit';

export type OpenLoopResult = {
  rate: number;
  seconds: number;
  sent: number;
  failed: number;
  /** The first failure's message, when any failed. */
  firstFailure?: string;
  /** p99 in ms, each counted from the request's scheduled send time (open loop). */
  httpP99: number;
  kafkaP99: number;
  reportingP99: number;
  notOnKafka: number;
  notInReporting: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fixed offered load, open loop: intake i is sent at start + i / rate whatever the answers
 * before it did, and each latency counts from that scheduled time, so a stall shows as the
 * lateness of every request scheduled during it (no coordinated omission). Measures the HTTP
 * answer, the dossier.received event's broker timestamp, and when reporting's figures count it.
 * `firstIndex` keeps the applicants' identifiers apart from other runs on the same procedure.
 */
export async function openLoop(
  target: BenchTarget,
  procedure: BenchProcedure,
  rate: number,
  seconds: number,
  firstIndex: number,
): Promise<OpenLoopResult> {
  const kafka = kafkaOf(target, 'bench-open-loop');
  const from = await topicEnds(kafka);
  const reporting = watchReporting(target);
  const client = intakeClient(target, procedure, 512);
  const total = Math.max(1, Math.round(rate * seconds));
  const scheduledAt = new Map<string, number>();
  const http: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const inFlight: Promise<void>[] = [];
  const start = Date.now() + 50;
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - Date.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      client.post(firstIndex + i).then(
        (id) => {
          http.push(Date.now() - at);
          scheduledAt.set(id, at);
          reporting.watch(id);
        },
        (error: Error) => {
          failed++;
          // "intake answered 503: {…problems/dependency-unavailable…}" → "503 dependency-unavailable"
          firstFailure ??= error.message
            .replace(/^intake answered (\d+): .*?"type":"[^"]*\/([^"/]+)".*$/s, '$1 $2')
            .slice(0, 80);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  client.close();
  const arrived = await kafkaArrivals(kafka, from, new Set(scheduledAt.keys()), 30_000);
  const { counted, missing } = await reporting.finish(30_000);
  const since = (times: Map<string, number>) =>
    [...times].filter(([id]) => scheduledAt.has(id)).map(([id, t]) => t - scheduledAt.get(id)!);
  return {
    rate,
    seconds,
    sent: total,
    failed,
    firstFailure,
    httpP99: percentile(http, 99),
    kafkaP99: percentile(since(arrived), 99),
    reportingP99: percentile(since(counted), 99),
    notOnKafka: scheduledAt.size - arrived.size,
    notInReporting: missing,
  };
}
