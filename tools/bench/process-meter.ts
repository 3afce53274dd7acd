import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  return cpuMsOfStat(`/proc/${pid}/stat`);
}

function cpuMsOfStat(file: string): number {
  const fields = readFileSync(file, 'utf8').split(')').pop()!.trim().split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU milliseconds used so far by each live thread of a process, summed by thread name
 * (`/proc/<pid>/task/<tid>/comm`), the main thread (the event loop, tid = pid) as `main`. Node 20
 * leaves its other threads (V8's concurrent GC and compiler tasks, libuv's pool for crypto, DNS
 * and files) named `node`, so for a service the split is the event loop against all the rest.
 * A thread that ends between two reads is lost.
 */
export function cpuMsByThread(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name =
        Number(tid) === pid ? 'main' : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      byName.set(name, (byName.get(name) ?? 0) + cpuMsOfStat(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byName;
}

/**
 * CPU milliseconds used so far by the live descendants of a process (e.g. a service's outbox relay
 * run as a child process): moving work into a child is not saving it, so benchmarks report both.
 */
export function descendantsCpuMs(pid: number): number {
  let total = 0;
  for (const child of childrenOf(pid)) {
    try {
      total += cpuMs(child) + descendantsCpuMs(child);
    } catch {
      // the child ended between the listing and the read
    }
  }
  return total;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN) / 1024;
}

/**
 * The idle RSS of each named process in MB: the median of `reads` reads `everyMs` apart (one read
 * catches a collection's moment; the median does not). Throws when a process has ended.
 */
export async function idleRssMb<K extends string>(
  pids: Record<K, number>,
  reads = 10,
  everyMs = 1000,
): Promise<Record<K, number>> {
  const values = Object.fromEntries(
    Object.keys(pids).map((name) => [name, [] as number[]]),
  ) as Record<K, number[]>;
  for (let r = 0; r < reads; r++) {
    if (r > 0) await new Promise((done) => setTimeout(done, everyMs));
    for (const name of Object.keys(pids) as K[]) values[name].push(rssMb(pids[name]));
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
  return Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, median(v as number[])]),
  ) as Record<K, number>;
}

/** Samples the RSS of each named process every `everyMs`, keeping the peak. */
export function peakRss(pids: Record<string, number>, everyMs = 200) {
  const peak: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      try {
        peak[name] = Math.max(peak[name] ?? 0, rssMb(pid));
      } catch {
        // the process ended: its peak so far stands
      }
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    peak,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
