module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'digitization',
  rootDir: __dirname,
};
