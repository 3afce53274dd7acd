// Unit specs only (`*.spec.ts`), no PostgreSQL, Redis or Kafka: npm run test:unit.
const { jestProjects } = require('./tools/test/jest-projects');

module.exports = { projects: jestProjects('jest.config.js'), testTimeout: 60000 };
