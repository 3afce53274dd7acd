export * from './test-env';
export * from './test-kafka';
export * from './service-process';
export * from './tokens';
export * from './authorization-matrix';
// The stack's helpers that specs use everywhere, also under the tests' own import name.
export {
  decisionBody,
  procedureInput,
  procedureVersion,
  randomAgencyCode,
  randomProcedureCode,
  repoRoot,
  waitFor,
  type TestProcedureInput,
} from '@motcua/stack';
