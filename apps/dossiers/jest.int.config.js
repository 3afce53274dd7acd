// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run dossiers:test:int.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'dossiers:int',
  rootDir: __dirname,
};
