// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test catalog.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'catalog',
  rootDir: __dirname,
};
