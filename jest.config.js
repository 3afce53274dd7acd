// The whole suite: every app and lib project, one shared infrastructure set-up.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'tests'].flatMap((dir) =>
  existsSync(join(__dirname, dir))
    ? readdirSync(join(__dirname, dir))
        .map((name) => join(__dirname, dir, name, 'jest.config.js'))
        .filter((file) => existsSync(file))
    : [],
);

module.exports = {
  projects,
  // Global options (Jest ignores them inside project configs): integration tests start
  // services and brokers, so hooks and tests get a minute; test files run one at a time
  // because they share the test databases, topics and service ports.
  testTimeout: 60000,
  maxWorkers: 1,
  globalSetup: join(__dirname, 'libs/testing/src/global-setup.js'),
  globalTeardown: join(__dirname, 'libs/testing/src/global-teardown.js'),
};
