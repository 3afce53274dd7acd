// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test dossiers.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'dossiers',
  rootDir: __dirname,
};
