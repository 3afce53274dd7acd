export * from './fold';
export * from './format';
export * from './fonts';
