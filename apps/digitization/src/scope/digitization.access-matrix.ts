import {
  AccessLogController,
  accessMatrix,
  declaredAccess,
  publicRoute,
  scopedRolesOf,
  unscopedRoute,
  type RouteAccess,
} from '@motcua/auth';
import { healthRoutes } from '@motcua/http';
import { DocumentController } from '../documents/document.controller';
import { IntakeController } from '../intake/intake.controller';
import { RatesController } from '../rates/rates.controller';
import { ResultController } from '../results/result.controller';
import { ReuseController } from '../reuse/reuse.controller';

/** A route on an object of a dossier or a result: outside scope it does not exist (404). */
function objectRoute(
  method: RouteAccess['method'],
  path: string,
  access: { public: boolean; roles: RouteAccess['roles'] },
): RouteAccess {
  return {
    method,
    path,
    ...access,
    scopedRoles: scopedRolesOf(access.roles),
    outOfScope: 'not-found',
  };
}

/** An act in an agency's name (issuing a result, its rates): another agency's answers 403 agency-scope. */
function agencyRoute(
  method: RouteAccess['method'],
  path: string,
  access: { public: boolean; roles: RouteAccess['roles'] },
): RouteAccess {
  return {
    method,
    path,
    ...access,
    scopedRoles: scopedRolesOf(access.roles),
    outOfScope: 'forbidden',
  };
}

/**
 * Every route of the digitization service with who may call it (read from its @Roles/@Public): the
 * rows of the authorization matrix (docs/authorization.md). A dossier's documents, reuse offers and
 * reuses belong to the dossier's agency and handling units, a result to its issuing agency;
 * apps/digitization/test/authorization-matrix.int.spec.ts runs each row against the service and fails on
 * a route of the OpenAPI document without a row.
 */
export function digitizationRoutes(): RouteAccess[] {
  return [
    ...healthRoutes(),
    // A file is no one's until a document or result references it: officers upload, no object scope.
    unscopedRoute('POST', '/files', declaredAccess(IntakeController, 'upload')),
    objectRoute('POST', '/documents', declaredAccess(DocumentController, 'digitize')),
    objectRoute('GET', '/documents', declaredAccess(DocumentController, 'list')),
    objectRoute('GET', '/documents/{id}/file', declaredAccess(DocumentController, 'download')),
    agencyRoute('POST', '/results', declaredAccess(ResultController, 'issue')),
    objectRoute('POST', '/results/{id}/revocation', declaredAccess(ResultController, 'revoke')),
    objectRoute('GET', '/results', declaredAccess(ResultController, 'list')),
    objectRoute('GET', '/results/{id}/file', declaredAccess(ResultController, 'download')),
    publicRoute(
      'POST',
      '/public/result-downloads',
      declaredAccess(ResultController, 'publicDownload'),
    ),
    // An applicant's stored items are offered to any agency's officers: reuse across agencies is the point.
    unscopedRoute('GET', '/reuse-offers', declaredAccess(ReuseController, 'offers')),
    objectRoute(
      'GET',
      '/dossiers/{dossierId}/reuse-offers',
      declaredAccess(ReuseController, 'offersForDossier'),
    ),
    objectRoute('POST', '/dossiers/{dossierId}/reuses', declaredAccess(ReuseController, 'accept')),
    agencyRoute('GET', '/rates', declaredAccess(RatesController, 'get')),
    // The auditor reads the access log of personal data; no object scope.
    unscopedRoute('GET', '/access-log', declaredAccess(AccessLogController, 'list')),
  ];
}

export const digitizationAccessMatrix = () => accessMatrix(digitizationRoutes());
