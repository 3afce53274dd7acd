module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'testing',
  rootDir: __dirname,
};
