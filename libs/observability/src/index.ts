export * from './request-context';
export * from './logger';
export * from './metrics';
export * from './http-metrics';
export * from './safe-error';
export * from './tracing';
export * from './build-info';
