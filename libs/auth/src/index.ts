export * from './roles';
export * from './token-verifier';
export * from './auth.decorators';
export * from './auth.guard';
export * from './dev-keys';
export * from './scope';
export * from './access-log/access-log';
export * from './actor';
