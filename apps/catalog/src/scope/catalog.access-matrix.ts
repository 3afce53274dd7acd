import {
  accessMatrix,
  declaredAccess,
  publicRoute,
  unscopedRoute,
  type RouteAccess,
} from '@motcua/auth';
import { healthRoutes } from '@motcua/http';
import { AgencyTreeController } from '../agencies/agency-tree.controller';
import { DomainsController } from '../domains/domains.controller';
import { ProcedureGroupController } from '../groups/procedure-group.controller';
import { ProceduresController } from '../procedures/procedures.controller';
import { PublicationController } from '../publication/publication.controller';
import { ReviewController } from '../review/review.controller';
import { SearchController } from '../search/search.controller';

/**
 * Every route of the catalog service with who may call it (read from its @Roles/@Public): the rows
 * of the authorization matrix (docs/authorization.md). The catalog holds public data of the province
 * (procedures, domains, the agency tree) and its review campaigns: no object belongs to an agency's
 * officers alone, so the guard's roles decide every row (no out-of-scope case).
 * apps/catalog/test/authorization-matrix.int.spec.ts runs each row against the service and fails on a
 * route of the OpenAPI document without a row.
 */
export function catalogRoutes(): RouteAccess[] {
  const review = (method: RouteAccess['method'], path: string, handler: string) =>
    unscopedRoute(method, path, declaredAccess(ReviewController, handler));
  return [
    ...healthRoutes(),
    publicRoute('GET', '/procedures', declaredAccess(SearchController, 'search')),
    publicRoute('GET', '/procedures/{code}', declaredAccess(ProceduresController, 'procedure')),
    publicRoute(
      'GET',
      '/procedures/{code}/versions',
      declaredAccess(ProceduresController, 'versions'),
    ),
    publicRoute('GET', '/domains', declaredAccess(DomainsController, 'list')),
    publicRoute('GET', '/agency-tree/{provinceCode}', declaredAccess(AgencyTreeController, 'get')),
    unscopedRoute('PUT', '/agency-tree', declaredAccess(AgencyTreeController, 'replace')),
    unscopedRoute(
      'POST',
      '/publication-decisions',
      declaredAccess(PublicationController, 'record'),
    ),
    unscopedRoute('POST', '/procedure-groups', declaredAccess(ProcedureGroupController, 'publish')),
    publicRoute('GET', '/procedure-groups', declaredAccess(ProcedureGroupController, 'list')),
    publicRoute(
      'GET',
      '/procedure-groups/{code}',
      declaredAccess(ProcedureGroupController, 'group'),
    ),
    review('POST', '/review-campaigns', 'open'),
    review('GET', '/review-campaigns', 'list'),
    review('GET', '/review-campaigns/{id}', 'get'),
    review('POST', '/review-campaigns/{id}/evaluations', 'evaluate'),
    review('GET', '/review-campaigns/{id}/evaluations', 'evaluations'),
    review('POST', '/review-campaigns/{id}/proposals', 'propose'),
    review('GET', '/review-campaigns/{id}/proposals', 'proposals'),
    review('POST', '/review-campaigns/{id}/close', 'close'),
  ];
}

export const catalogAccessMatrix = () => accessMatrix(catalogRoutes());
