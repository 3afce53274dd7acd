// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test digitization.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'digitization',
  rootDir: __dirname,
};
