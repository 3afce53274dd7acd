export * from './problem';
export * from './problem.filter';
export * from './zod-validation.pipe';
export * from './health.controller';
export * from './correlation.middleware';
export * from './bootstrap';
export * from './service-kit.module';
export * from './request-text';
