// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run feedback:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'feedback:int',
  rootDir: __dirname,
};
