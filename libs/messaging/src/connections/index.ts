export * from './outage';
export * from './unavailable';
export * from './pg-connections';
export * from './pg-listener';
export * from './redis-connections';
