import { toLocalDate } from '@motcua/calendar';
import type { DossierWithSteps } from './dossier.repository';
import { onTimeStatusOf } from './on-time.rules';
import type { DossierStatus } from './dossier-status';
import type { Dossier } from '../generated/prisma/client';

/** The legal due date; a row from before it was kept has only the date in force. */
export function legalDueOf(dossier: Pick<Dossier, 'legalDueAt' | 'dueAt'>): Date | null {
  return dossier.legalDueAt ?? dossier.dueAt;
}

/** What officers and the applicant see of a dossier (the applicant's identifier is never returned). */
export function dossierView(
  dossier: DossierWithSteps,
  extra: { allowedActions?: string[]; lookupSecret?: string } = {},
) {
  return {
    id: dossier.id,
    code: dossier.code,
    procedure: { code: dossier.procedureCode, version: dossier.procedureVersion },
    agencyCode: dossier.agencyCode,
    channel: dossier.channel,
    applicantType: dossier.applicantType,
    status: dossier.status,
    portalStatus: dossier.portalStatus,
    receivedAt: dossier.receivedAt.toISOString(),
    /** Ngày hẹn trả in force: what the applicant is told (the promised date after an apology). */
    appointmentDate: dossier.dueAt ? toLocalDate(dossier.dueAt) : null,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    originalDueAt: dossier.originalDueAt?.toISOString() ?? null,
    /** Hạn giải quyết theo quy định: what on time is judged against; an apology does not move it. */
    legalDueAt: legalDueOf(dossier)?.toISOString() ?? null,
    /** Receipt at any desk: the receiving desk's agency, whether it forwarded the dossier, where the result goes. */
    receivingAgencyCode: dossier.receivingAgencyCode ?? null,
    forwardedAt: dossier.forwardedAt?.toISOString() ?? null,
    resultReturnPlace: dossier.resultReturnPlace ?? null,
    calendarVersion: dossier.calendarVersion,
    timeLimit: dossier.timeLimit,
    documents: dossier.documents,
    missing: dossier.missing ?? undefined,
    /** Items of the supplement request still awaited (a partial supplement arrived). */
    supplementOutstanding: dossier.supplementOutstanding ?? undefined,
    refusalReasons: dossier.refusalReasons ?? undefined,
    currentStepOrder: dossier.currentStepOrder,
    extensionCount: dossier.extensionCount,
    onTime: onTimeStatusOf({
      status: dossier.status as DossierStatus,
      legalDueAt: legalDueOf(dossier),
      finishedAt: dossier.finishedAt,
      now: new Date(),
    }),
    isDemo: dossier.isDemo || undefined,
    steps: dossier.steps.map((s) => ({
      order: s.order,
      name: s.name,
      unitCode: s.unitCode,
      dueAt: s.dueAt.toISOString(),
      status: s.status,
      assigneeId: s.assigneeId,
      completedAt: s.completedAt?.toISOString() ?? null,
    })),
    /** Một cửa liên thông: the chain's stages with their clocks (absent for a single-agency procedure). */
    stages: dossier.stages?.length
      ? dossier.stages.map((s) => ({
          order: s.order,
          agencyCode: s.agencyCode,
          agencyName: s.agencyName,
          external: s.external,
          share: s.share,
          status: s.status,
          startedAt: s.startedAt?.toISOString() ?? null,
          legalDueAt: s.legalDueAt?.toISOString() ?? null,
          promisedDueAt: s.promisedDueAt?.toISOString() ?? null,
          transferredAt: s.transferredAt?.toISOString() ?? null,
          acceptedAt: s.acceptedAt?.toISOString() ?? null,
          handedBackAt: s.handedBackAt?.toISOString() ?? null,
          workingHoursTaken: s.workingHoursTaken,
          suspendedHours: s.suspendedHours,
          onTime: s.onTime,
          /** The agency's own internal steps of the stage (ADR 0030). */
          steps: s.steps,
        }))
      : undefined,
    ...extra,
  };
}
