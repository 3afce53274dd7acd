module.exports = {
  ...require('../../jest.preset.integration.js'),
  displayName: 'catalog',
  rootDir: __dirname,
};
