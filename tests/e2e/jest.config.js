// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test e2e.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
};
