/**
 * Every Kafka topic of motcua: one per aggregate family, key = aggregate id, plus
 * the public portal stream and one dead-letter topic per consuming service.
 * Tooling creates them before any service starts (see infra/kafka/topics.txt).
 */
export const TOPICS = {
  'catalog.procedure.v1': {
    partitions: 3,
    summary:
      'Procedure publication decisions and groups of procedures (key: procedure code, or group code)',
  },
  'catalog.review.v1': {
    partitions: 3,
    summary: 'Review campaigns and simplification proposals (key: campaign id)',
  },
  'catalog.agency.v1': {
    partitions: 1,
    summary: 'The agency tree of the province, whole with every publication (key: province code)',
  },
  'dossiers.dossier.v1': { partitions: 6, summary: 'Dossier lifecycle (key: dossier id)' },
  'feedback.feedback.v1': {
    partitions: 3,
    summary: 'Feedback on regulations, PAKN (key: feedback id)',
  },
  'digitization.document.v1': {
    partitions: 3,
    summary: 'Digitized documents and results (key: applicant key)',
  },
  'portal.dossier-status.v1': {
    partitions: 6,
    summary:
      'Public, personal-data-minimised dossier status stream for the provincial / national portal (key: dossier code)',
  },
  'portal.dossier-ack.v1': {
    partitions: 6,
    summary:
      'The portal’s acknowledgement of each dossier status it received (key: dossier code); produced outside motcua',
  },
  'dlq.catalog.v1': { partitions: 1, summary: 'Messages the catalog service could not accept' },
  'dlq.dossiers.v1': { partitions: 1, summary: 'Messages the dossier service could not accept' },
  'dlq.feedback.v1': { partitions: 1, summary: 'Messages the feedback service could not accept' },
  'dlq.digitization.v1': {
    partitions: 1,
    summary: 'Messages the digitization service could not accept',
  },
  'dlq.reporting.v1': { partitions: 1, summary: 'Messages the reporting service could not accept' },
} as const satisfies Record<string, { partitions: number; summary: string }>;

export type TopicName = keyof typeof TOPICS;

export const SERVICES = ['catalog', 'dossiers', 'feedback', 'digitization', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function deadLetterTopicOf(service: ServiceName): TopicName {
  return `dlq.${service}.v1`;
}
