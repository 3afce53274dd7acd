// The whole suite (npm test): every project's unit specs and integration specs, each file once.
// The integration projects share one infrastructure set-up (their preset's global setup, which
// Jest runs once per run); the unit projects run without it (jest.preset.js).
const { jestProjects } = require('./tools/test/jest-projects');

module.exports = {
  projects: [...jestProjects('jest.config.js'), ...jestProjects('jest.int.config.js')],
  // Global options (Jest ignores them inside project configs): integration tests start
  // services and brokers, so hooks and tests get a minute; test files run one at a time
  // because they share the test databases, topics and service ports.
  testTimeout: 60000,
  maxWorkers: 1,
};
