import { percentile, runConcurrently } from '../bench-kit';
import { cpuMs, cpuMsByThread, descendantsCpuMs } from '../process-meter';
import { intakeClient, type BenchProcedure, type BenchTarget } from './intake-kit';

export type ClosedLoopResult = {
  count: number;
  perSecond: number;
  /** Process CPU (user + system) of the dossiers service over the measured intakes, per intake. */
  cpuMsPerIntake: number;
  /** The same of its child processes (the outbox relay when it runs apart: OUTBOX_RELAY=process). */
  childCpuMsPerIntake: number;
  /** The process CPU per intake by thread name (`main`: the event loop; see cpuMsByThread). */
  threadCpuMsPerIntake: Record<string, number>;
  p99: number;
};

/**
 * `count` intakes over HTTP with `concurrency` in flight (closed loop: throughput), the dossiers
 * service's CPU read from /proc before and after. `firstIndex` keeps applicants apart between runs.
 */
export async function closedLoop(
  target: BenchTarget,
  procedure: BenchProcedure,
  count: number,
  concurrency: number,
  dossiersPid: number,
  firstIndex: number,
  /** Called as the measured intakes begin and after they end (e.g. to start and stop a profile). */
  onPhase: (phase: 'start' | 'end') => void = () => undefined,
): Promise<ClosedLoopResult> {
  const client = intakeClient(target, procedure, concurrency);
  const latencies: number[] = [];
  try {
    await runConcurrently(Math.min(100, count), concurrency, (i) =>
      client.post(firstIndex + count + i).then(() => undefined),
    );
    onPhase('start');
    const cpuBefore = cpuMs(dossiersPid);
    const childCpuBefore = descendantsCpuMs(dossiersPid);
    const threadsBefore = cpuMsByThread(dossiersPid);
    const elapsed = await runConcurrently(count, concurrency, async (i) => {
      const t0 = Date.now();
      await client.post(firstIndex + i);
      latencies.push(Date.now() - t0);
    });
    const cpu = cpuMs(dossiersPid) - cpuBefore;
    const childCpu = descendantsCpuMs(dossiersPid) - childCpuBefore;
    const threadCpuMsPerIntake: Record<string, number> = {};
    for (const [name, ms] of cpuMsByThread(dossiersPid))
      threadCpuMsPerIntake[name] = (ms - (threadsBefore.get(name) ?? 0)) / count;
    onPhase('end');
    return {
      count,
      perSecond: count / (elapsed / 1000),
      cpuMsPerIntake: cpu / count,
      childCpuMsPerIntake: childCpu / count,
      threadCpuMsPerIntake,
      p99: percentile(latencies, 99),
    };
  } finally {
    client.close();
  }
}
