// Unit specs (`*.spec.ts`, no PostgreSQL, Redis or Kafka): nx test http.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'http',
  rootDir: __dirname,
};
