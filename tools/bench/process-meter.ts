import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
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
