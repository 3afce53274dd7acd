// Jest set-up of every integration project (jest.preset.integration.js). Jest runs a single
// worker's files in one process, so an integration file may follow a unit one: the real socket
// connect comes back here even if that unit file ended before its guard's afterAll could restore
// it (tools/test/unit-guard.js).
const net = require('node:net');

const real = net[Symbol.for('motcua.net.connect')];
if (real) net.Socket.prototype.connect = real;
