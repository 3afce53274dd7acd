// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test feedback.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'feedback',
  rootDir: __dirname,
};
