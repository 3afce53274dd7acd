import pino, { type DestinationStream, type Logger } from 'pino';
import { Counter } from 'prom-client';
import { metricsRegistry } from './metrics';
import { currentContext } from './request-context';
import { safeError } from './safe-error';

/**
 * Bytes of log lines a process holds while stdout does not take them (a stalled log collector, a
 * full pipe): beyond it a line is dropped and counted rather than held, so a stalled stdout cannot
 * grow the service's memory without bound. 16 MiB is minutes of lines at the busiest rate measured.
 */
export const LOG_BUFFER_MAX_BYTES = 16 * 1024 * 1024;

const droppedLogLines = new Counter({
  name: 'motcua_log_lines_dropped_total',
  help: 'Log lines dropped because stdout did not take them and the buffer was full',
  registers: [metricsRegistry],
});

/**
 * An asynchronous destination on a file descriptor (a request does not wait for its log line to
 * reach stdout) whose buffer is bounded by `maxBytes`; a dropped line counts in
 * motcua_log_lines_dropped_total.
 */
export function boundedDestination(fd: number, maxBytes = LOG_BUFFER_MAX_BYTES): DestinationStream {
  const destination = pino.destination({ dest: fd, sync: false, maxLength: maxBytes });
  destination.on('drop', () => droppedLogLines.inc());
  return destination;
}

/** One stdout destination per process, shared by every logger of it (lines never interleave). */
let stdout: DestinationStream | undefined;

/**
 * JSON logs on stdout, one line per entry, carrying the correlation id of the
 * current request or event so that a search for it finds every service's lines.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every logged error goes through safeError: no database detail, no quoted values (personal data).
      serializers: { err: safeError, error: safeError },
      mixin() {
        const context = currentContext();
        return context
          ? { correlationId: context.correlationId, causationId: context.causationId }
          : {};
      },
      redact: {
        paths: [
          'req.headers.authorization',
          '*.password',
          '*.personalId',
          '*.applicant.personalId',
        ],
        censor: '[redacted]',
      },
    },
    (stdout ??= boundedDestination(1)),
  );
}

export type { Logger };

/** Nest injection token of the service's JSON logger. */
export const LOGGER = Symbol('LOGGER');
