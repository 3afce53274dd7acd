// Jest set-up of every integration project (jest.preset.integration.js). Jest runs a single
// worker's files in one process, so an integration file may follow a unit one: the real socket
// connect comes back here even if that unit file ended before its guard's afterAll could restore
// it (tools/test/unit-guard.js).
const net = require('node:net');

const real = net[Symbol.for('motcua.net.connect')];
if (real) net.Socket.prototype.connect = real;

// A service whose start a timed-out `beforeAll` abandoned (libs/testing/src/service-process.ts)
// is stopped when its file ends, instead of holding its port and the broker into the next files.
afterAll(() => {
  const starting = globalThis[Symbol.for('motcua.test.servicesStarting')];
  for (const child of starting ?? []) if (child.exitCode === null) child.kill('SIGKILL');
});
