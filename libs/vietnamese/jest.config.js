module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'vietnamese',
  rootDir: __dirname,
};
