#!/usr/bin/env python3
"""CPU used by each part of the stack while a benchmark runs (Linux /proc; the stack started by
`npm run up`). Runs the given command, samples every process twice a second, and prints the CPU
seconds per part (each service's node process, each database's PostgreSQL sessions, Kafka, ...)
over the whole command and, when the command prints `phase: ... start` and `phase: ... end` on
stderr (the intake benchmark does), over that phase alone.

  python3 tools/bench/cpu-by-process.py node -r ./tools/register-ts.js tools/bench/dossiers/intake.bench.ts 3000 32

Only this checkout's node and Java processes count as parts (others' show as "other"). With
PROFILE_PIDS="<pid> ...", those processes (started with NODE_OPTIONS="-r
tools/bench/profile/cpu-profile-preload.js") get SIGWINCH at each phase mark: their CPU profile
covers exactly the measured phase (docs/benchmarks.md says how to read it).
"""
import collections, os, resource, signal, subprocess, sys, threading, time

HZ = os.sysconf('SC_CLK_TCK')
# This checkout: on a machine shared with other checkouts (their tests start services and brokers
# too), only the node and Java processes started from here are counted as parts of the stack.
ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), '..', '..')) + '/'
first, last, part_of = {}, {}, {}


def part(cmd):
    if ('dist/apps/' in cmd or 'java' in cmd) and ROOT not in cmd:
        return 'other'
    if 'dist/apps/' in cmd:
        return 'node:' + cmd.split('dist/apps/')[1].split('/')[0]
    if cmd.startswith('postgres:'):
        databases = [w for w in cmd.split() if w.startswith('motcua_')]
        return 'pg:' + (databases[0] if databases else 'other')
    if 'java' in cmd:
        return 'kafka'
    if 'redis' in cmd:
        return 'redis'
    if '.bench.' in cmd:
        return 'benchmark client'
    return 'other'


def sample(started):
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])  # utime + stime
            if pid not in part_of:
                part_of[pid] = part(open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace'))
                first[pid] = ticks if not started else 0
            last[pid] = ticks
        except OSError:
            pass


def report(title, seconds, before, after):
    per_part = collections.Counter()
    for pid, ticks in after.items():
        per_part[part_of[pid]] += ticks - before.get(pid, first.get(pid, 0))
    print(f'--- {title}, {seconds:.1f} s (CPU seconds; % of one core)')
    for name, ticks in per_part.most_common():
        if ticks / HZ > 0.1:
            print(f'{name:28s} {ticks / HZ:7.1f} s {100 * ticks / HZ / seconds:5.0f} %')


def main():
    sample(False)
    stop = threading.Event()
    sampler = threading.Thread(target=lambda: [sample(True) for _ in iter(lambda: stop.wait(0.5), True)])
    sampler.start()
    t0, start_of = time.time(), dict(last)
    phases = {}
    child = subprocess.Popen(sys.argv[1:], stderr=subprocess.PIPE, text=True)
    for line in child.stderr:
        sys.stderr.write(line)
        if line.startswith('phase:'):
            # PROFILE_PIDS: processes preloaded with tools/bench/profile/cpu-profile-preload.js,
            # told to start (phase start) and stop (phase end) their CPU profile.
            for pid in os.environ.get('PROFILE_PIDS', '').split():
                try:
                    os.kill(int(pid), signal.SIGWINCH)
                except OSError:
                    pass
            sample(True)
            phases[line.split()[-1]] = (time.time(), dict(last))
    child.wait()
    stop.set()
    sampler.join()
    sample(True)
    ticks = resource.getrusage(resource.RUSAGE_CHILDREN)
    last['child'] = int((ticks.ru_utime + ticks.ru_stime) * HZ)
    part_of['child'] = 'benchmark client'
    report('whole command', time.time() - t0, start_of, last)
    if 'start' in phases and 'end' in phases:
        (ta, a), (tb, b) = phases['start'], phases['end']
        report('measured phase', tb - ta, a, b)
    sys.exit(child.returncode)


main()
