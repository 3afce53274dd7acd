import type { CloudEvent, DossierFacts } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import { hoursBetween } from './local-time';

export type DossierStatus =
  | 'submitted'
  | 'processing'
  | 'supplement'
  | 'payment'
  | 'processed'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'stopped';
export type FinishKind = 'processed' | 'returned' | 'refused' | 'stopped';
/** The counters an event may add to, and the columns it may set (never to null): dossier_fact's names. */
export const COUNTERS = [
  'supplement_count',
  'extension_count',
  'payments_total',
  'payments_online',
  'steps_completed',
  'steps_early',
  'steps_late',
  'intake_supplements',
  'fault_supplements',
  'payment_requests',
  'payment_requests_nonzero',
  'contacts_desk',
  'contacts_other',
] as const;
export const SETTABLE = [
  'submitted_at',
  'documents_total',
  'documents_digitized',
  'documents_reused',
  'population_data_used',
  'unit_code',
  'supplement_requested_at',
  'electronic_result',
  'returned_at',
  'returned_on',
  'overdue',
  'overdue_since',
  'legal_due_date',
  'evaluated_at',
  'satisfaction',
  'officer_conduct',
  'agencies_answer',
  'publication_answer',
] as const;
type Counter = (typeof COUNTERS)[number];
type Value = string | number | boolean | null;

/** What one dossier event changes in its row of dossier_fact (a pure rule, see dossier-change.spec.ts). */
export type DossierChange = {
  status: DossierStatus | null;
  /** The first of processed, result returned, stopped or refused finishes the dossier. */
  finish?: { kind: FinishKind; at: string };
  set: Partial<Record<(typeof SETTABLE)[number], Value>>;
  increment: Partial<Record<Counter, number>>;
  pausedHours?: number;
};

type Doc = { digitized: boolean; reused: boolean };
type Step = { unitCode: string };
type AnyDossierData = DossierFacts & Record<string, unknown>;

function documentColumns(documents: Doc[]): Record<string, Value> {
  return {
    documents_total: documents.length,
    documents_digitized: documents.filter((d) => d.digitized).length,
    documents_reused: documents.filter((d) => d.reused).length,
  };
}

/** The unit that handles the dossier: the first workflow step outside the receiving desk. */
export function handlingUnitOf(workflow: Step[], receivingUnit: string): string {
  return workflow.find((s) => s.unitCode !== receivingUnit)?.unitCode ?? receivingUnit;
}

const NONE: DossierChange = { status: null, set: {}, increment: {} };

/**
 * The legal due date (time limit by law, with supplement restarts): an event that carries one says so; otherwise
 * the due date at receipt and after a supplement restart is the legal one, and an apology (extended) never moves it.
 */
function legalDueOf(type: string, d: AnyDossierData): Partial<Record<'legal_due_date', Value>> {
  if (typeof d.legalDueDate === 'string') return { legal_due_date: d.legalDueDate };
  const legal = [
    'motcua.dossier.received.v1',
    'motcua.dossier.resumed.v1',
    'motcua.dossier.due-date-rederived.v1',
  ];
  if (legal.includes(type) && d.dueDate) return { legal_due_date: d.dueDate };
  return {};
}

export function dossierChange(event: CloudEvent<AnyDossierData>): DossierChange {
  const change = baseChange(event);
  return { ...change, set: { ...change.set, ...legalDueOf(event.type, event.data) } };
}

function baseChange(event: CloudEvent<AnyDossierData>): DossierChange {
  const d = event.data;
  const at = d.occurredAt;
  switch (event.type) {
    case 'motcua.dossier.submitted.v1':
      return {
        status: 'submitted',
        set: { submitted_at: d.submittedAt as string, ...documentColumns(d.documents as Doc[]) },
        increment: {},
      };
    case 'motcua.dossier.received.v1': {
      const receivedBy = d.receivedBy as { unitCode: string };
      return {
        status: 'processing',
        set: {
          ...documentColumns(d.documents as Doc[]),
          population_data_used: d.populationDataUsed as boolean,
          unit_code: handlingUnitOf(d.workflow as Step[], receivedBy.unitCode),
        },
        increment: {},
      };
    }
    case 'motcua.dossier.supplement-requested.v1':
      return {
        status: 'supplement',
        set: { supplement_requested_at: d.supplementRequestedAt },
        increment: {
          supplement_count: 1,
          intake_supplements: d.stage === 'intake' ? 1 : 0,
          fault_supplements: d.applicantFault === true ? 1 : 0,
        },
      };
    case 'motcua.dossier.resumed.v1': {
      const requested = d.supplementRequestedAt;
      const paused = requested ? hoursBetween(requested, d.supplementReceivedAt as string) : 0;
      return { status: 'processing', set: {}, increment: {}, pausedHours: paused };
    }
    case 'motcua.dossier.transferred.v1':
      return { status: 'processing', set: {}, increment: {} };
    case 'motcua.dossier.step-completed.v1': {
      // a unit's time on its step (Decree 61 index "thời gian thực hiện của từng đơn vị")
      const due = d.stepDueDate as string;
      const late = Date.parse(at) > Date.parse(due);
      const early = toLocalDate(at) < toLocalDate(due);
      return {
        status: null,
        set: {},
        increment: { steps_completed: 1, steps_early: early ? 1 : 0, steps_late: late ? 1 : 0 },
      };
    }
    case 'motcua.dossier.extended.v1':
      return { status: null, set: {}, increment: { extension_count: 1 } };
    case 'motcua.dossier.payment-requested.v1': {
      const items = d.items as { amountVnd: number }[];
      return {
        status: 'payment',
        set: {},
        increment: {
          payment_requests: 1,
          payment_requests_nonzero: items.some((i) => i.amountVnd > 0) ? 1 : 0,
        },
      };
    }
    case 'motcua.dossier.evaluated.v1':
      return {
        status: null,
        set: {
          evaluated_at: d.evaluatedAt as string,
          satisfaction: d.satisfaction as string,
          officer_conduct: d.officerConduct as string,
          agencies_answer: (d.agenciesContacted as string | undefined) ?? null,
          publication_answer: (d.publication as string | undefined) ?? null,
        },
        increment: {},
      };
    case 'motcua.dossier.contact-recorded.v1': {
      if (d.legallyRequired === true) return NONE;
      return {
        status: null,
        set: {},
        increment: d.body === 'one_stop_desk' ? { contacts_desk: 1 } : { contacts_other: 1 },
      };
    }
    case 'motcua.dossier.fee-paid.v1':
      return {
        status: null,
        set: {},
        increment: { payments_total: 1, payments_online: d.method === 'online' ? 1 : 0 },
      };
    case 'motcua.dossier.refused.v1':
      return { status: 'refused', finish: { kind: 'refused', at }, set: {}, increment: {} };
    case 'motcua.dossier.processed.v1':
      return {
        status: 'processed',
        finish: { kind: 'processed', at },
        set: { electronic_result: d.electronicResult as boolean },
        increment: {},
      };
    case 'motcua.dossier.result-returned.v1': {
      const returnedAt = d.returnedAt as string;
      return {
        status: 'returned',
        finish: { kind: 'returned', at: returnedAt },
        set: { returned_at: returnedAt, returned_on: toLocalDate(returnedAt) },
        increment: {},
      };
    }
    case 'motcua.dossier.withdrawn.v1':
      return { status: 'withdrawn', set: {}, increment: {} };
    case 'motcua.dossier.stopped.v1':
      return { status: 'stopped', finish: { kind: 'stopped', at }, set: {}, increment: {} };
    case 'motcua.dossier.overdue.v1': {
      const deadline = d.deadline as { scope: string };
      if (deadline.scope !== 'dossier') return NONE;
      return {
        status: null,
        set: { overdue: true, overdue_since: d.overdueSince as string },
        increment: {},
      };
    }
    case 'motcua.dossier.due-date-rederived.v1':
      // A calendar change moved the legal due date (the facts carry the new dueDate): the overdue
      // flag follows the on-time status the dossiers service derived with it.
      return { status: null, set: { overdue: d.onTimeAfter === 'overdue' }, increment: {} };
    default:
      return NONE;
  }
}
