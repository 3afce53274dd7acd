module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'messaging',
  rootDir: __dirname,
};
