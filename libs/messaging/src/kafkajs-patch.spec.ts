/**
 * kafkajs 2.2.4 re-schedules its pending-request check every millisecond on every connection, even
 * with nothing pending (upstream issue #1556, unreleased fix): each idle service burned a few percent
 * of a core. patches/kafkajs+2.2.4.patch (applied by patch-package on install) stops it; this test
 * fails if the patch is missing, e.g. after an upgrade or an install that skipped postinstall.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (
  options: Record<string, unknown>,
) => {
  scheduleCheckPendingRequests(): void;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  destroy(): void;
};

const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('kafkajs request queue (patched)', () => {
  const queueOf = () =>
    new RequestQueue({
      maxInFlightRequests: 1,
      requestTimeout: 30000,
      enforceRequestTimeout: false,
      clientId: 'test',
      broker: 'b:9092',
      logger: quietLogger,
    });

  it('schedules no check when nothing is pending and nothing is throttled', () => {
    const queue = queueOf();
    queue.scheduleCheckPendingRequests();
    const scheduled = queue.throttleCheckTimeoutId;
    if (scheduled) clearTimeout(scheduled); // unpatched, it would re-schedule itself forever
    queue.destroy();
    expect(scheduled).toBeNull();
  });

  it('still schedules a check while a request waits', () => {
    const queue = queueOf();
    queue.pending.push({});
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(queue.throttleCheckTimeoutId!);
    queue.destroy();
  });
});
