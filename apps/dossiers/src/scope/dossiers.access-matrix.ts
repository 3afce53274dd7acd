import { AccessLogController, accessMatrix, declaredAccess, type RouteAccess } from '@motcua/auth';
import { HealthController } from '@motcua/http';
import { CalendarChangeController } from '../calendar-change/calendar-change.controller';
import { DossierContactController } from '../contact/contact.controller';
import { DossierEvaluationController } from '../evaluation/dossier-evaluation.controller';
import { DossierIntakeController } from '../intake/dossier-intake.controller';
import { DOSSIER_ACTIONS, DOSSIER_ACTION_TABLE } from '../lifecycle/dossier-actions.table';
import { DossierLifecycleController } from '../lifecycle/dossier-lifecycle.controller';
import { PublicLookupController } from '../lookup/public-lookup.controller';
import { ReceivingDeskController } from '../receiving-desk/receiving-desk.controller';
import { PortalChangesController } from '../portal/portal-changes.controller';
import { PortalWebhooksController } from '../portal/portal-webhooks.controller';
import { SlipsController } from '../slips/slips.controller';
import { TrackingBookController } from '../slips/tracking-book.controller';

/**
 * Every route of the dossiers service with who may call it (read from its @Roles/@Public), and for
 * the actions the lifecycle's action table: the rows of the authorization matrix (docs/authorization.md).
 * apps/dossiers/test/authorization-matrix.int.spec.ts runs each row against the service and fails on a
 * route of the OpenAPI document that has no row here.
 */
export function dossiersRoutes(): RouteAccess[] {
  const get = declaredAccess(DossierLifecycleController, 'get');
  const perform = declaredAccess(DossierLifecycleController, 'perform');
  return [
    open('GET', '/health', declaredAccess(HealthController, 'ready')),
    open('GET', '/health/ready', declaredAccess(HealthController, 'ready')),
    open('GET', '/health/live', declaredAccess(HealthController, 'live')),
    open('GET', '/public/dossiers/{code}', declaredAccess(PublicLookupController, 'lookup')),
    // Officers receive for their agency (403 otherwise); applicants submit for themselves.
    {
      method: 'POST',
      path: '/dossiers',
      ...declaredAccess(DossierIntakeController, 'receive'),
      scopedRoles: ['desk_officer'],
      outOfScope: 'forbidden',
    },
    {
      method: 'GET',
      path: '/dossiers/{id}',
      ...get,
      scopedRoles: scoped(get.roles),
      outOfScope: 'not-found',
    },
    ...DOSSIER_ACTIONS.map((action): RouteAccess => ({
      method: 'POST',
      path: '/dossiers/{id}/actions/{action}',
      variant: action,
      ...perform,
      actionRoles: DOSSIER_ACTION_TABLE[action].roles,
      scopedRoles: scoped(perform.roles),
      outOfScope: 'not-found',
    })),
    // The applicant who owns the dossier, or a desk officer of its agency entering the paper form.
    {
      method: 'POST',
      path: '/dossiers/{id}/evaluation',
      ...declaredAccess(DossierEvaluationController, 'evaluate'),
      scopedRoles: ['citizen', 'desk_officer'],
      outOfScope: 'not-found',
    },
    // An officer of the dossier's agency records a body the applicant had to contact.
    {
      method: 'POST',
      path: '/dossiers/{id}/contacts',
      ...declaredAccess(DossierContactController, 'record'),
      scopedRoles: ['desk_officer', 'specialist', 'leader'],
      outOfScope: 'not-found',
    },
    {
      method: 'GET',
      path: '/dossiers/{id}/slips/{kind}',
      ...declaredAccess(SlipsController, 'slip'),
      scopedRoles: ['desk_officer', 'specialist', 'leader'],
      outOfScope: 'not-found',
    },
    {
      method: 'GET',
      path: '/tracking-book',
      ...declaredAccess(TrackingBookController, 'export'),
      scopedRoles: ['desk_officer', 'leader'],
      outOfScope: 'forbidden',
    },
    // A receiving centre lists what its desk received and forwarded; another agency's officer gets
    // only its own desk's rows (the centre's dossier left out).
    {
      method: 'GET',
      path: '/receiving-desk/dossiers',
      ...declaredAccess(ReceivingDeskController, 'list'),
      scopedRoles: ['desk_officer', 'leader'],
      outOfScope: 'hidden',
    },
    // After a calendar change: an administrator re-derives open dossiers' due dates; no object scope.
    {
      method: 'POST',
      path: '/admin/calendar-change/rederive',
      ...declaredAccess(CalendarChangeController, 'rederive'),
      scopedRoles: [],
      outOfScope: 'forbidden',
    },
    // The auditor reads the access log of personal data; no object scope.
    {
      method: 'GET',
      path: '/access-log',
      ...declaredAccess(AccessLogController, 'list'),
      scopedRoles: [],
      outOfScope: 'forbidden',
    },
    // The portal client reads the whole public stream (it is its data): no object scope.
    {
      method: 'GET',
      path: '/portal/changes',
      ...declaredAccess(PortalChangesController, 'list'),
      scopedRoles: [],
      outOfScope: 'forbidden',
    },
    {
      method: 'POST',
      path: '/portal/webhooks',
      ...declaredAccess(PortalWebhooksController, 'create'),
      scopedRoles: [],
      outOfScope: 'forbidden',
    },
    {
      method: 'GET',
      path: '/portal/webhooks',
      ...declaredAccess(PortalWebhooksController, 'list'),
      scopedRoles: [],
      outOfScope: 'forbidden',
    },
    // A subscription belongs to the portal client that made it: another one gets 404.
    ...(
      [
        ['DELETE', '/portal/webhooks/{id}', 'remove'],
        ['GET', '/portal/webhooks/{id}/dead-letters', 'deadLetters'],
        ['POST', '/portal/webhooks/{id}/redeliver', 'redeliver'],
      ] as const
    ).map(([method, path, handler]): RouteAccess => ({
      method,
      path,
      ...declaredAccess(PortalWebhooksController, handler),
      scopedRoles: ['portal_client'],
      outOfScope: 'not-found',
    })),
  ];
}

export const dossiersAccessMatrix = () => accessMatrix(dossiersRoutes());

function open(
  method: RouteAccess['method'],
  path: string,
  access: { public: boolean; roles: RouteAccess['roles'] },
): RouteAccess {
  if (!access.public) throw new Error(`${method} ${path} is not public`);
  return { method, path, ...access, scopedRoles: [], outOfScope: 'not-found' };
}

function scoped(roles: RouteAccess['roles']): RouteAccess['roles'] {
  return roles.filter((role) => role !== 'admin');
}
