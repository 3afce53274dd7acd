import pino, { type Logger } from 'pino';
import { currentContext } from './request-context';
import { safeError } from './safe-error';

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
    // Asynchronous writes: a request does not wait for its log line to reach stdout.
    pino.destination({ dest: 1, sync: false }),
  );
}

export type { Logger };

/** Nest injection token of the service's JSON logger. */
export const LOGGER = Symbol('LOGGER');
