// Integration specs only (`*.int.spec.ts`), against real PostgreSQL, Redis and Kafka: npm run test:int.
const { jestProjects } = require('./tools/test/jest-projects');

module.exports = {
  projects: jestProjects('jest.int.config.js'),
  // As in jest.config.js: a minute per hook and test, one file at a time (shared databases and ports).
  testTimeout: 60000,
  maxWorkers: 1,
};
