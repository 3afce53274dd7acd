// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run e2e:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'e2e:int',
  rootDir: __dirname,
};
