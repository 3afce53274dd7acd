// The Jest projects of the workspace: each app, lib, tests/ and tools/ project has a jest.config.js (its
// unit specs, jest.preset.js) and, when it has integration specs, a jest.int.config.js
// (jest.preset.integration.js). The root configs list them: jest.config.js both kinds (npm test),
// jest.unit.config.js and jest.int.config.js one kind each.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');

/** The project configs named `file` (jest.config.js or jest.int.config.js). */
function jestProjects(file) {
  return ['apps', 'libs', 'tests', 'tools'].flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .map((name) => join(root, dir, name, file))
          .filter((path) => existsSync(path))
      : [],
  );
}

module.exports = { jestProjects };
