module.exports = { ...require('../../jest.preset.integration.js'), displayName: 'reporting', rootDir: __dirname };
