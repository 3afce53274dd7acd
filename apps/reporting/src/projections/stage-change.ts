import type { CloudEvent } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';

/**
 * Một cửa liên thông (docs/inter-agency.md): what one dossier event changes in the rows of
 * dossier_stage_fact. Each agency of the chain is judged on its own stage: the stage events carry
 * its clock (start, legal due date from its share), and the hand-back the working hours it took
 * and whether it was on time. A supplement is counted on the stage of the agency that asked (on
 * every running stage when the lead side asked); the complete supplement's `stageClocks` give each
 * running stage its new due date (docs/adr/0022), and so do a calendar change's.
 */
export type StageRow = {
  stage_order: number;
  agency_code: string;
  agency_name: string;
  external: boolean;
  dossier_code: string;
  lead_agency_code: string;
  procedure_code: string;
  procedure_version: number;
  domain_code: string;
  status: 'transferred' | 'accepted' | 'handed_back';
  started_at: string;
  started_on: string;
  legal_due_at: string;
  transferred_at: string | null;
  accepted_at: string | null;
  handed_back_at: string | null;
  handed_back_on: string | null;
  working_hours_taken: number | null;
  suspended_hours: number | null;
  on_time: boolean | null;
  last_event_at: string;
};

export type StageChange =
  | { kind: 'stage'; row: StageRow }
  /**
   * A supplement requested during processing: counted on the asking agency's running stage
   * (`agencyCode`), or on every running stage when the lead side asked for the whole dossier.
   */
  | { kind: 'supplement'; at: string; agencyCode?: string }
  /**
   * The complete supplement: the running stages' new clocks (restarted or paused, new due date);
   * without them (an event of before they were published) the due dates are unknown until the
   * next stage event.
   */
  | { kind: 'restart'; at: string; clocks?: StageClock[] }
  /** A calendar change moved running stages' due dates (`due-date-rederived.stageClocks`). */
  | {
      kind: 'moved';
      at: string;
      clocks: Pick<StageClock, 'order' | 'agencyCode' | 'stageLegalDueDate'>[];
    };

export type StageClock = {
  order: number;
  agencyCode: string;
  clock: 'restarted' | 'paused';
  stageLegalDueDate: string;
  suspendedWorkingHours: number;
};

type Data = Record<string, unknown>;
type Stage = { order: number; agencyCode: string; agencyName: string; external: boolean };

const STATUS_OF: Record<string, StageRow['status']> = {
  'motcua.dossier.stage-transferred.v1': 'transferred',
  'motcua.dossier.stage-accepted.v1': 'accepted',
  'motcua.dossier.stage-handed-back.v1': 'handed_back',
};

export function stageChange(event: CloudEvent<Data>): StageChange | null {
  const d = event.data;
  if (event.type === 'motcua.dossier.supplement-requested.v1')
    return d.stage === 'processing'
      ? {
          kind: 'supplement',
          at: d.occurredAt as string,
          ...(d.askedByAgencyCode ? { agencyCode: d.askedByAgencyCode as string } : {}),
        }
      : null;
  if (event.type === 'motcua.dossier.resumed.v1')
    return {
      kind: 'restart',
      at: d.occurredAt as string,
      ...(d.stageClocks ? { clocks: d.stageClocks as StageClock[] } : {}),
    };
  if (event.type === 'motcua.dossier.due-date-rederived.v1')
    return d.stageClocks
      ? { kind: 'moved', at: d.occurredAt as string, clocks: d.stageClocks as StageClock[] }
      : null;
  const status = STATUS_OF[event.type];
  if (!status) return null;
  const stage = d.stage as Stage;
  const startedAt = d.stageStartedAt as string;
  const handedBack = status === 'handed_back';
  const endedAt = handedBack ? (d.stageEndedAt as string) : null;
  return {
    kind: 'stage',
    row: {
      stage_order: stage.order,
      agency_code: stage.agencyCode,
      agency_name: stage.agencyName,
      external: stage.external,
      dossier_code: d.dossierCode as string,
      lead_agency_code: d.agencyCode as string,
      procedure_code: d.procedureCode as string,
      procedure_version: d.procedureVersion as number,
      domain_code: d.domainCode as string,
      status,
      started_at: startedAt,
      started_on: toLocalDate(startedAt),
      legal_due_at: d.stageLegalDueDate as string,
      transferred_at: status === 'transferred' ? (d.transferredAt as string) : null,
      accepted_at: status === 'accepted' ? (d.acceptedAt as string) : null,
      handed_back_at: endedAt,
      handed_back_on: endedAt ? toLocalDate(endedAt) : null,
      working_hours_taken: handedBack ? (d.workingHoursTaken as number) : null,
      suspended_hours: handedBack ? (d.suspendedWorkingHours as number) : null,
      on_time: handedBack ? (d.onTime as boolean) : null,
      last_event_at: d.occurredAt as string,
    },
  };
}
