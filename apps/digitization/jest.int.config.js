// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run digitization:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'digitization:int',
  rootDir: __dirname,
};
