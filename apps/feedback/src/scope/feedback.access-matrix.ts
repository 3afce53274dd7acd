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
import { FeedbackCalendarChangeController } from '../calendar-change/feedback-calendar-change.controller';
import { DossierLinkController } from '../dossier-link/dossier-link.controller';
import { FEEDBACK_ACTIONS, FEEDBACK_ACTION_TABLE } from '../feedback/feedback-actions.table';
import { FeedbackHandlingController } from '../handling/feedback-handling.controller';
import { DeskIntakeController } from '../intake/desk-intake.controller';
import { PublicIntakeController } from '../intake/public-intake.controller';
import { ProcedureFeedbackController } from '../procedure-copy/procedure-feedback.controller';
import { PublicFeedbackController } from '../publication/public-feedback.controller';

/**
 * Every route of the feedback service with who may call it (read from its @Roles/@Public), and for
 * the actions the workflow's action table: the rows of the authorization matrix (docs/authorization.md).
 * An item belongs to the agency that received it; apps/feedback/test/authorization-matrix.int.spec.ts
 * runs each row against the service and fails on a route of the OpenAPI document without a row.
 */
export function feedbackRoutes(): RouteAccess[] {
  const list = declaredAccess(FeedbackHandlingController, 'list');
  const get = declaredAccess(FeedbackHandlingController, 'get');
  const perform = declaredAccess(FeedbackHandlingController, 'perform');
  const byProcedure = declaredAccess(ProcedureFeedbackController, 'list');
  return [
    ...healthRoutes(),
    publicRoute('POST', '/public/feedback', declaredAccess(PublicIntakeController, 'submit')),
    publicRoute(
      'GET',
      '/public/feedback/answers',
      declaredAccess(PublicFeedbackController, 'search'),
    ),
    publicRoute(
      'GET',
      '/public/feedback/answers/{code}',
      declaredAccess(PublicFeedbackController, 'answer'),
    ),
    publicRoute(
      'GET',
      '/public/feedback/{code}',
      declaredAccess(PublicFeedbackController, 'track'),
    ),
    publicRoute(
      'POST',
      '/public/feedback/{code}/rating',
      declaredAccess(PublicFeedbackController, 'rate'),
    ),
    // Officers record feedback for the agency they act for (403 otherwise); the portal relays any.
    {
      method: 'POST',
      path: '/feedback',
      ...declaredAccess(DeskIntakeController, 'log'),
      scopedRoles: ['desk_officer', 'specialist', 'leader'],
      outOfScope: 'forbidden',
    },
    {
      method: 'GET',
      path: '/feedback',
      ...list,
      scopedRoles: scopedRolesOf(list.roles),
      outOfScope: 'hidden',
    },
    {
      method: 'GET',
      path: '/feedback/{id}',
      ...get,
      scopedRoles: scopedRolesOf(get.roles),
      outOfScope: 'not-found',
    },
    ...FEEDBACK_ACTIONS.map((action): RouteAccess => ({
      method: 'POST',
      path: '/feedback/{id}/actions/{action}',
      variant: action,
      ...perform,
      actionRoles: FEEDBACK_ACTION_TABLE[action].roles,
      scopedRoles: scopedRolesOf(perform.roles),
      outOfScope: 'not-found',
    })),
    // An officer of the item's agency links it to a dossier (PAKN về hồ sơ).
    {
      method: 'PUT',
      path: '/feedback/{id}/dossier-link',
      ...declaredAccess(DossierLinkController, 'link'),
      scopedRoles: ['desk_officer', 'specialist', 'leader'],
      outOfScope: 'not-found',
    },
    // After a calendar change: an administrator re-derives open items' time limits; no object scope.
    unscopedRoute(
      'POST',
      '/admin/calendar-change/rederive',
      declaredAccess(FeedbackCalendarChangeController, 'rederive'),
    ),
    {
      method: 'GET',
      path: '/procedures/{code}/feedback',
      ...byProcedure,
      scopedRoles: scopedRolesOf(byProcedure.roles),
      outOfScope: 'hidden',
    },
    // The auditor reads the access log of personal data; no object scope.
    unscopedRoute('GET', '/access-log', declaredAccess(AccessLogController, 'list')),
  ];
}

export const feedbackAccessMatrix = () => accessMatrix(feedbackRoutes());
