module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'feedback',
  rootDir: __dirname,
};
