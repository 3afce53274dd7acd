module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'dossiers',
  rootDir: __dirname,
};
