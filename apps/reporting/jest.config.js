// Integration specs share one reporting database and its active projection generation
// (a rebuild switches it), so they run one after another: the root jest.config.js runs one
// file at a time; run this project alone with --runInBand.
module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'reporting',
  rootDir: __dirname,
};
