import type { Principal, Role } from '@motcua/auth';
import type { ProcedureVersion } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import type { ProcedureLookup } from '../procedure-copy/procedure-copy.repository';
import type { DossierChannel } from '../dossier/dossier-status';
import { unknownDocumentCodes } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';

/** Who may submit through which channel: the desk receives paper (in person, postal); applicants and the portal submit online. */
export const INTAKE_ROLES: Record<DossierChannel, Role[]> = {
  in_person: ['desk_officer', 'admin'],
  postal: ['desk_officer', 'admin'],
  online: ['citizen', 'portal_client', 'admin'],
};

const problem = (
  status: number,
  slug: string,
  title: string,
  field: string,
  rule: string,
  message: string,
) =>
  new DomainProblem(status, slug, title, `${field}: ${message}`, {
    errors: [{ field, rule, message }],
  });

export function assertIntakeAllowed(body: IntakeRequest, principal: Principal): void {
  const allowed = INTAKE_ROLES[body.channel];
  if (!principal.roles.some((role) => allowed.includes(role))) {
    throw problem(
      403,
      'channel-role',
      'Your role may not submit through this channel',
      'channel',
      'channel-role',
      `channel ${body.channel} is for roles ${allowed.join(', ')}`,
    );
  }
  if (body.receivedAt !== undefined && !principal.roles.includes('admin')) {
    throw problem(
      403,
      'backdating-forbidden',
      'Only an administrator may backdate a dossier',
      'receivedAt',
      'admin-only',
      'receivedAt may only be set by an administrator (demo data)',
    );
  }
  if (body.receivedAt !== undefined && new Date(body.receivedAt).getTime() > Date.now()) {
    throw problem(
      400,
      'validation-failed',
      'The request is not valid',
      'receivedAt',
      'not-in-future',
      'receivedAt may not be in the future',
    );
  }
}

/** The procedure version in force at receipt, offering this channel and knowing these documents. */
export function assertProcedureAccepts(
  lookup: ProcedureLookup,
  body: IntakeRequest,
): ProcedureVersion {
  if (lookup.found === 'unknown') {
    throw problem(
      422,
      'procedure-unknown',
      'Unknown procedure',
      'procedureCode',
      'procedure-exists',
      `no procedure ${body.procedureCode} is known to the dossier service`,
    );
  }
  if (lookup.found === 'not_in_force') {
    throw problem(
      422,
      'procedure-not-in-force',
      'The procedure is not in force',
      'procedureCode',
      'procedure-in-force',
      `procedure ${body.procedureCode} is not in force on the date of receipt (abolished, replaced or not yet effective)`,
    );
  }
  const procedure = lookup.version;
  if (!procedure.channels.includes(body.channel)) {
    throw problem(
      422,
      'channel-not-offered',
      'The procedure is not offered through this channel',
      'channel',
      'channel-offered',
      `procedure ${procedure.code} is offered through ${procedure.channels.join(', ')} only`,
    );
  }
  const unknown = unknownDocumentCodes(procedure, body.documents);
  if (unknown.length > 0) {
    throw problem(
      422,
      'document-unknown',
      'Document not part of the procedure',
      'documents',
      'document-of-procedure',
      `documents ${unknown.join(', ')} are not components of procedure ${procedure.code}`,
    );
  }
  return procedure;
}
