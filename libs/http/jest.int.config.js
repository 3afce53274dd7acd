// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run http:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'http:int',
  rootDir: __dirname,
};
