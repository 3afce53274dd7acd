import { declaredAccess, publicRoute, type RouteAccess } from '@motcua/auth';
import { HealthController } from './health.controller';

/** The health routes every service serves, as rows of its authorization matrix (public). */
export function healthRoutes(): RouteAccess[] {
  return [
    publicRoute('GET', '/health', declaredAccess(HealthController, 'ready')),
    publicRoute('GET', '/health/ready', declaredAccess(HealthController, 'ready')),
    publicRoute('GET', '/health/live', declaredAccess(HealthController, 'live')),
  ];
}

/** The health aliases the OpenAPI document lists once (`/health/ready` and `/health` are one handler). */
export const UNDOCUMENTED_HEALTH_ROUTES = ['GET /health', 'GET /health/ready', 'GET /health/live'];
