// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run messaging:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'messaging:int',
  rootDir: __dirname,
};
