// For projects whose tests talk to real PostgreSQL, Redis and Kafka: the shared
// global setup finds or starts them (see libs/testing/src/global-setup.ts).
const path = require('node:path');

module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.js'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.js'),
};
