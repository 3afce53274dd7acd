// Jest settings of the integration projects (each project's jest.int.config.js): `*.int.spec.ts`,
// against real PostgreSQL, Redis and Kafka that the shared global setup finds or starts (see
// libs/testing/src/global-setup.ts; Jest runs it once per run, however many projects use it).
const path = require('node:path');

module.exports = {
  ...require('./jest.preset.js'),
  testMatch: ['<rootDir>/src/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/test/integration-setup.js')],
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.js'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.js'),
};
