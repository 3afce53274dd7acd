export * from './agency-tree';
export * from './scope';
export * from './agency-directory';
export * from './access-matrix';
export * from './scope-policy';
