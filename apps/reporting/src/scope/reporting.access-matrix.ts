import {
  accessMatrix,
  declaredAccess,
  publicRoute,
  unscopedRoute,
  type RouteAccess,
} from '@motcua/auth';
import { healthRoutes } from '@motcua/http';
import { DashboardController } from '../dashboard/dashboard.controller';
import { Evaluation61Controller } from '../evaluation-61/evaluation61.controller';
import { FiguresController } from '../figures/figures.controller';
import { Index766Controller } from '../index-766/index-766.controller';
import { RebuildController } from '../rebuild/rebuild.controller';
import { ReportsController } from '../reports/reports.controller';

/**
 * Every route of the reporting service with who may call it (read from its @Roles/@Public): the rows
 * of the authorization matrix (docs/authorization.md). Figures, indices and the dashboard are public
 * aggregates without personal data; the report export is kept to the agencies an officer acts for
 * (province-wide: admin), 403 `agency-scope` outside them. apps/reporting/test/authorization-matrix.int.spec.ts
 * runs each row against the service and fails on a route of the OpenAPI document without a row.
 */
export function reportingRoutes(): RouteAccess[] {
  const figures = (path: string, handler: string) =>
    publicRoute('GET', path, declaredAccess(FiguresController, handler));
  const dashboard = (path: string, handler: string) =>
    publicRoute('GET', path, declaredAccess(DashboardController, handler));
  const report = declaredAccess(ReportsController, 'report');
  return [
    ...healthRoutes(),
    figures('/figures', 'all'),
    figures('/figures/overdue', 'overdue'),
    figures('/figures/inter-agency', 'interAgencyDossiers'),
    figures('/figures/review-campaigns', 'campaigns'),
    figures('/figures/{name}', 'one'),
    publicRoute('GET', '/index-766', declaredAccess(Index766Controller, 'index')),
    publicRoute('GET', '/evaluation-61', declaredAccess(Evaluation61Controller, 'get')),
    dashboard('/dashboard', 'page'),
    dashboard('/dashboard/dashboard.js', 'script'),
    dashboard('/dashboard/dashboard.css', 'style'),
    dashboard('/dashboard/events', 'events'),
    unscopedRoute('POST', '/admin/projections/rebuild', declaredAccess(RebuildController, 'start')),
    unscopedRoute('GET', '/admin/projections', declaredAccess(RebuildController, 'state')),
    {
      method: 'GET',
      path: '/reports',
      ...report,
      scopedRoles: report.roles.filter((role) => role !== 'admin'),
      outOfScope: 'forbidden',
    },
  ];
}

export const reportingAccessMatrix = () => accessMatrix(reportingRoutes());
