// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test messaging.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging',
  rootDir: __dirname,
};
