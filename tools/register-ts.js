// Lets plain `node -r ./tools/register-ts.js script.ts` (tools, Jest's global setup)
// run our TypeScript: SWC transpiles, and the tsconfig path aliases (@motcua/*)
// resolve to the libs' sources, as they do in Jest and in the esbuild bundles.
const Module = require('node:module');
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');

const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    path.join(__dirname, '..', target),
  ]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
