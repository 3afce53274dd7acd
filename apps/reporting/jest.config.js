// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test reporting.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'reporting',
  rootDir: __dirname,
};
