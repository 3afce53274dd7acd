// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test portal-sync.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'portal-sync',
  rootDir: __dirname,
};
