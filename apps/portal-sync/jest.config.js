module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'portal-sync',
  rootDir: __dirname,
};
