export { eventGenerator, type EventOptions } from './event/event.generator';
export { featureGenerator, type FeatureOptions } from './feature/feature.generator';
export { serviceGenerator, type ServiceOptions } from './service/service.generator';
