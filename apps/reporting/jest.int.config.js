// Integration specs (`*.int.spec.ts`, real PostgreSQL, Redis and Kafka): nx run reporting:test:int.
// They share one reporting database and its active projection generation (a rebuild switches
// it), so they run one after another: the root configs run one file at a time, and so does the
// target (--runInBand).
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'reporting:int',
  rootDir: __dirname,
};
