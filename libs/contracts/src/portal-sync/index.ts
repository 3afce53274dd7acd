export * from './portal-changes';
export * from './webhook-signature';
