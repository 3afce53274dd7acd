// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run catalog:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'catalog:int',
  rootDir: __dirname,
};
