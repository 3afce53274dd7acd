// Integration specs share one reporting database and its active projection generation
// (a rebuild switches it), so they run one after another.
module.exports = { ...require('../../jest.preset.integration.js'), displayName: 'reporting', rootDir: __dirname, maxWorkers: 1 };
