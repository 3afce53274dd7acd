import type { ProcedureVersion } from '@motcua/contracts';
import { actsOnlyAsOwner, type Principal } from '@motcua/auth';
import { outboxInsertSql } from '@motcua/messaging';
import { PORTAL_STATUS_OF, type DossierStatus } from '../dossier/dossier-status';
import type { DossierWithSteps } from '../dossier/dossier.repository';
import type { Schedule } from '../schedule/due-dates';
import type { IntakeDecision } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';
import { withScanExemptions } from '../dossier/scan-exemption';
import { initialStages } from '../stages/stage.rules';

const STATUS_OF_OUTCOME: Record<IntakeDecision['outcome'], DossierStatus> = {
  received: 'received',
  supplement_requested: 'intake_supplement',
  refused: 'not_received',
};

export type IntakeRecordInput = {
  dossierId: string;
  code: string;
  body: IntakeRequest;
  procedure: ProcedureVersion;
  decision: IntakeDecision;
  schedule: Schedule;
  receivedAt: Date;
  principal: Principal;
  /** Received by a centre's desk that does not act for the resolving agency (receipt at any desk). */
  forwarded: boolean;
  applicantKey: string;
  lookupSecretHash: string;
  now: Date;
};

/**
 * The dossier row and its steps exactly as intake writes them (every column, defaults included),
 * so the answer is built from what was written without reading it back.
 */
export function intakeRecord(input: IntakeRecordInput): DossierWithSteps {
  const { dossierId, code, body, procedure, decision, schedule, receivedAt, principal, now } =
    input;
  const status = STATUS_OF_OUTCOME[decision.outcome];
  const received = decision.outcome === 'received';
  return {
    id: dossierId,
    code,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    agencyCode: procedure.agencyCode,
    receivingAgencyCode: actsOnlyAsOwner(principal) ? null : (principal.agency ?? null),
    forwardedAt: input.forwarded ? receivedAt : null,
    resultReturnPlace: body.resultReturnPlace ?? (input.forwarded ? 'receiving_desk' : null),
    domainCode: procedure.domainCode,
    channel: body.channel,
    applicantType: body.applicant.type,
    applicantIdentifier: body.applicant.personalId,
    applicantKey: input.applicantKey,
    applicantName: body.applicant.name,
    organisationName: body.applicant.organisationName ?? null,
    status,
    portalStatus: PORTAL_STATUS_OF[status],
    documents: withScanExemptions(body.channel, body.documents),
    missing: decision.outcome === 'supplement_requested' ? decision.missing : null,
    // Intake-time supplements end the intake (the applicant comes back): nothing is awaited on this record.
    supplementOutstanding: null,
    refusalReasons: decision.outcome === 'refused' ? decision.reasons : null,
    timeLimit: procedure.timeLimit,
    receivedAt,
    dueAt: received ? schedule.dueAt : null,
    originalDueAt: received ? schedule.dueAt : null,
    legalDueAt: received ? schedule.dueAt : null,
    calendarVersion: schedule.calendarVersion,
    receiptPolicyId: schedule.policyId,
    currentStepOrder: received ? schedule.steps[0].order : null,
    supplementRequestedAt: decision.outcome === 'supplement_requested' ? receivedAt : null,
    extensionCount: 0,
    finishedAt: null,
    dueSoonAnnouncedFor: null,
    overdueAnnouncedFor: null,
    returnedAt: null,
    lookupSecretHash: input.lookupSecretHash,
    createdBy: principal.subject,
    isDemo: body.receivedAt !== undefined,
    revision: 1,
    createdAt: now,
    updatedAt: now,
    steps: received
      ? schedule.steps.map((s, i) => ({
          dossierId,
          order: s.order,
          name: s.name,
          unitCode: s.unitCode,
          unitName: s.unitName,
          share: s.share,
          dueAt: s.dueAt,
          status: i === 0 ? 'active' : 'pending',
          assigneeId: null,
          startedAt: i === 0 ? receivedAt : null,
          completedAt: null,
        }))
      : [],
    // Một cửa liên thông: the chain's stages, the first order's clocks started at receipt.
    stages:
      received && procedure.interAgency
        ? initialStages(procedure.interAgency, receivedAt, procedure.timeLimit).map((s) => ({
            dossierId,
            ...s,
          }))
        : [],
  };
}

export type IntakeLogEntry = {
  action: 'intake';
  toStatus: string;
  portalStatus: number;
  actorSubject: string;
  actorRoles: string[];
  actorUnit: string | null;
  details: unknown;
  eventId: string;
  occurredAt: Date;
};

/**
 * The intakes of a group (GroupCommit, ADR 0037) as one statement (atomic by itself, one round
 * trip). For each intake whose procedure version checked is still the one in force on its day of
 * receipt: the idempotency claim when a key is given (only then: a key is never claimed for a
 * dossier that is not written), then — if the claim succeeded — the dossier, its steps and stages,
 * the first action-log entry and its outbox rows. $1 is a jsonb array of intakes, each with its
 * rows keyed by the tables' column names (`intakeStatementInput`). Answers one row per intake, in
 * order: `created` is false when another request holds the key or `procedure_in_force` is false.
 * Keys are claimed in key order, so two groups never wait on each other's keys crosswise.
 */
export const INTAKE_STATEMENT = `
WITH input AS (SELECT i.n, i.j FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS i(j, n)),
in_force AS (
  SELECT input.n FROM input WHERE EXISTS (
    SELECT 1 FROM procedure_copy p
    WHERE p.code = j#>>'{procedure,code}' AND p.version = (j#>>'{procedure,version}')::int
      AND p.effective_from <= (j#>>'{procedure,on}')::date AND (p.effective_to IS NULL OR p.effective_to > (j#>>'{procedure,on}')::date)
      AND NOT EXISTS (SELECT 1 FROM procedure_copy later WHERE later.code = p.code AND later.version > p.version
        AND later.effective_from <= (j#>>'{procedure,on}')::date AND (later.effective_to IS NULL OR later.effective_to > (j#>>'{procedure,on}')::date)))
),
claim AS (
  INSERT INTO intake_idempotency_key (caller_subject, key, request_hash, dossier_id)
  SELECT k.caller_subject, k.key, k.request_hash, k.dossier_id
  FROM input JOIN in_force USING (n), jsonb_populate_record(NULL::intake_idempotency_key, input.j->'idempotency') AS k
  WHERE input.j ? 'idempotency' ORDER BY k.caller_subject, k.key
  ON CONFLICT DO NOTHING RETURNING dossier_id
),
go AS (
  SELECT input.n, input.j FROM input JOIN in_force USING (n)
  WHERE NOT (input.j ? 'idempotency') OR (input.j#>>'{dossier,id}')::uuid IN (SELECT dossier_id FROM claim)
),
d AS (
  INSERT INTO dossier SELECT r.* FROM go, jsonb_populate_record(NULL::dossier, go.j->'dossier') AS r RETURNING id
),
made AS (SELECT go.n, go.j, d.id FROM go JOIN d ON d.id = (go.j#>>'{dossier,id}')::uuid),
s AS (
  INSERT INTO dossier_step SELECT r.* FROM made, jsonb_populate_recordset(NULL::dossier_step, made.j->'steps') AS r
),
st AS (
  INSERT INTO dossier_stage SELECT r.* FROM made, jsonb_populate_recordset(NULL::dossier_stage, made.j->'stages') AS r
),
l AS (
  INSERT INTO dossier_action_log (dossier_id, action, from_status, to_status, portal_status, actor_subject, actor_roles, actor_unit, details, event_id, occurred_at)
  SELECT made.id, g.action, g.from_status, g.to_status, g.portal_status, g.actor_subject, g.actor_roles, g.actor_unit, g.details, g.event_id, g.occurred_at
  FROM made, jsonb_populate_record(NULL::dossier_action_log, made.j->'log') AS g ORDER BY made.n
),
o AS (${outboxInsertSql("made.j->'events'", { from: 'made', order: 'made.n' })})
SELECT made.id IS NOT NULL AS created, in_force.n IS NOT NULL AS procedure_in_force
FROM input LEFT JOIN in_force USING (n) LEFT JOIN made USING (n) ORDER BY input.n`;

/** One intake of the statement's parameter: rows keyed by their database column names. */
export function intakeStatementInput(
  dossier: DossierWithSteps,
  receivedOn: string,
  log: IntakeLogEntry,
  eventsJson: string,
  idempotency?: { callerSubject: string; key: string; requestHash: string },
): string {
  const { steps, stages, ...row } = dossier;
  const rows = JSON.stringify({
    procedure: { code: dossier.procedureCode, version: dossier.procedureVersion, on: receivedOn },
    dossier: columnsOf(row),
    steps: steps.map(columnsOf),
    stages: (stages ?? []).map(columnsOf),
    log: columnsOf({ ...log, fromStatus: null }),
    ...(idempotency ? { idempotency: { ...columnsOf(idempotency), dossier_id: dossier.id } } : {}),
  });
  return `${rows.slice(0, -1)},"events":${eventsJson}}`;
}

/** Prisma field names → column names (every @map in this schema is the field's snake_case). */
function columnsOf(row: object): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const field in row) columns[columnOf(field)] = (row as Record<string, unknown>)[field];
  return columns;
}

/** The fields of intake's rows are a few dozen names: each is converted once per process. */
const COLUMN_OF = new Map<string, string>();
function columnOf(field: string): string {
  let column = COLUMN_OF.get(field);
  if (column === undefined) {
    column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    COLUMN_OF.set(field, column);
  }
  return column;
}
