// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run portal-sync:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'portal-sync:int',
  rootDir: __dirname,
};
