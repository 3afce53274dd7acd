module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'e2e',
  rootDir: __dirname,
};
