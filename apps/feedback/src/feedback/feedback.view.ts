import type { Feedback } from '../generated/prisma/client';
import { maskLongNumbers } from '../shared/mask-numbers';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The officers' view of an item: everything, contact included (officers need it to answer). */
export function officerView(f: Feedback, extra: Record<string, unknown> = {}) {
  return {
    id: f.id,
    code: f.code,
    status: f.status,
    channel: f.channel,
    senderType: f.senderType,
    anonymous: f.anonymous,
    contact: f.anonymous
      ? null
      : {
          name: f.contactName,
          phone: f.contactPhone,
          email: f.contactEmail,
          address: f.contactAddress,
        },
    subject: subjectOf(f),
    title: f.title,
    content: f.content,
    attachments: f.attachmentIds.map((documentId) => ({ documentId })),
    receivedAt: f.receivedAt.toISOString(),
    dueDates: {
      classifyBy: f.classifyBy.toISOString(),
      firstInfoRequestBy: f.firstInfoRequestBy.toISOString(),
      forwardBy: iso(f.forwardBy),
      answerBy: f.answerBy.toISOString(),
      publishBy: iso(f.publishBy),
    },
    policyId: f.policyId,
    calendarVersion: f.calendarVersion,
    currentDeadline: f.currentStage
      ? {
          stage: f.currentStage,
          deadline: iso(f.currentDeadline),
          overdue: !!f.currentDeadline && f.currentDeadline < new Date(),
        }
      : null,
    responsibleUnit: f.responsibleUnit,
    category: f.category,
    classificationReason: f.classificationReason,
    forwardedTo: f.forwardToAgencyName
      ? {
          agencyCode: f.forwardToAgencyCode,
          agencyName: f.forwardToAgencyName,
          forwardedAt: iso(f.forwardedAt),
        }
      : null,
    assignee: f.assignedUnit ? { unitCode: f.assignedUnit, officerId: f.assignedOfficerId } : null,
    answer: f.answerText,
    answeredAt: iso(f.answeredAt),
    approvedAt: iso(f.approvedAt),
    publishedAt: iso(f.publishedAt),
    satisfaction: f.satisfaction,
    ratedAt: iso(f.ratedAt),
    ...extra,
  };
}

/** What the public sees of a published answer: no contact, no officers, phone and CCCD numbers masked. */
export function publicAnswerView(f: Feedback) {
  return {
    code: f.code,
    subject: subjectOf(f),
    title: maskLongNumbers(f.title),
    content: maskLongNumbers(f.content),
    receivedAt: f.receivedAt.toISOString(),
    answer: f.answerText === null ? null : maskLongNumbers(f.answerText),
    publishedAt: iso(f.publishedAt),
  };
}

/** What the submitter sees with the tracking token. */
export function trackingView(f: Feedback) {
  return {
    code: f.code,
    status: f.status,
    title: f.title,
    receivedAt: f.receivedAt.toISOString(),
    category: f.category,
    forwardedTo: f.forwardToAgencyName,
    classificationReason: f.status === 'refused' ? f.classificationReason : null,
    answer: f.status === 'published' ? f.answerText : null,
    publishedAt: iso(f.publishedAt),
    satisfaction: f.satisfaction,
    mayRate: f.status === 'published' && !f.satisfaction,
  };
}

function subjectOf(f: Feedback) {
  return {
    kind: f.subjectKind,
    procedureCode: f.procedureCode,
    procedureName: f.procedureName,
    domainCode: f.domainCode,
    regulation: f.regulationRef,
    unit: f.conductUnit,
  };
}
