// Jest settings of the unit projects (each project's jest.config.js): `*.spec.ts` under src/ and
// test/, pure, without PostgreSQL, Redis or Kafka: no global setup, and a guard that fails a spec
// opening a socket to them (tools/test/unit-guard.js). Integration specs (`*.int.spec.ts`) run in
// the projects of jest.preset.integration.js. SWC transpiles TypeScript (with decorator metadata
// for NestJS), and the tsconfig path aliases resolve to the libs' sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/test/unit-guard.js')],
  testTimeout: 60000,
};
