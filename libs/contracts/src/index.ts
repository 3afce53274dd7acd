export * from './topics';
export * from './define-event';
export * from './envelope';
export * from './kafka-binding';
export * from './registry';
export * from './events/common.schemas';
export * from './events/procedure.events';
