import {
  AGRICULTURE_ENVIRONMENT,
  CONSTRUCTION,
  FINANCE,
  PROVINCIAL_TAX,
} from '../catalog/demo-agencies';
import { DEMO_INTER_AGENCY_PROCEDURES } from '../catalog/demo-inter-agency';
import type { DemoDossier, DemoStep } from './demo-dossiers';

/**
 * Demo dossiers of the three inter-agency procedures (một cửa liên thông, dữ liệu mẫu;
 * docs/inter-agency.md): each chain left at every point of its life — sent to a stage, taken by
 * it, handed back, waiting at the external tax office, returned — received today at the Department
 * of Finance's desk, so that the stage clocks are live. The agencies act with their own officers.
 */

type Point = { procedure: string; label: string; steps: DemoStep[] };

const desk = (action: string, body: Record<string, unknown> = {}): DemoStep => ({
  action,
  role: 'desk_officer',
  unit: 'VP.MC',
  body,
});
/** An officer of `agency` (a specialist of a chain agency; the lead's specialist for its own stages). */
const officer = (agency: string, action: string, body: Record<string, unknown> = {}): DemoStep => ({
  action,
  role: 'specialist',
  unit: 'P.DEMO',
  body,
  ...(agency === FINANCE ? {} : { agency }),
});
const transfer = (from: string, ...agencyCodes: string[]): DemoStep =>
  from === 'desk' ? desk('transfer', { agencyCodes }) : officer(from, 'transfer', { agencyCodes });
const accept = (agency: string) => officer(agency, 'accept-stage');

const SEQUENTIAL = '1.013101'; // Sở Tài chính 15 → Sở Nông nghiệp và Môi trường 10
const PARALLEL = '1.013102'; // Sở Tài chính 5 → Sở Xây dựng 10 ‖ Sở NN và MT 12 → Sở Tài chính 13
const VERTICAL = '1.013103'; // Sở Tài chính 10 → Thuế tỉnh (external) 5 → Sở Tài chính 5

/**
 * The agency runs its stage's own internal steps (the chain's workflow, ADR 0030), each by a
 * specialist of the step's unit, and hands back with the last one.
 */
function handBack(procedureCode: string, order: number, agency: string): DemoStep[] {
  const { procedure } = DEMO_INTER_AGENCY_PROCEDURES.find(
    (d) => d.procedure.code === procedureCode,
  )!;
  const stage = procedure.interAgency.stages.find(
    (s) => s.order === order && s.agencyCode === agency,
  )!;
  const units = (stage.workflow ?? []).map((w) => w.unitCode);
  const by = (unit: string | undefined, action: string): DemoStep => ({
    ...officer(agency, action),
    ...(unit ? { unit } : {}),
  });
  return [
    ...units.slice(0, -1).map((unit) => by(unit, 'complete-stage-step')),
    by(units.at(-1), 'hand-back'),
  ];
}
/** The lead agency records the external tax office's acceptance and answer (recordedAs lead-entry). */
const leadEntry = (action: 'accept-stage' | 'hand-back'): DemoStep => ({
  action,
  role: 'leader',
  unit: 'VP.MC',
  body: { agencyCode: PROVINCIAL_TAX },
});
const finish: DemoStep[] = [
  { action: 'mark-processed', role: 'leader', unit: 'VP.MC', body: { electronicResult: true } },
  desk('return-result', { method: 'desk' }),
];

const seqFirst = [transfer('desk', FINANCE), accept(FINANCE), ...handBack(SEQUENTIAL, 1, FINANCE)];
const parFirst = [transfer('desk', FINANCE), accept(FINANCE), ...handBack(PARALLEL, 1, FINANCE)];
const parSecond = [
  transfer(FINANCE, CONSTRUCTION, AGRICULTURE_ENVIRONMENT),
  accept(CONSTRUCTION),
  accept(AGRICULTURE_ENVIRONMENT),
];
const verFirst = [transfer('desk', FINANCE), accept(FINANCE), ...handBack(VERTICAL, 1, FINANCE)];

const POINTS: Point[] = [
  { procedure: SEQUENTIAL, label: 'transferred', steps: [transfer('desk', FINANCE)] },
  { procedure: SEQUENTIAL, label: 'accepted', steps: seqFirst.slice(0, 2) },
  { procedure: SEQUENTIAL, label: 'handed-back', steps: seqFirst },
  {
    procedure: SEQUENTIAL,
    label: 'returned',
    steps: [
      ...seqFirst,
      transfer(FINANCE, AGRICULTURE_ENVIRONMENT),
      accept(AGRICULTURE_ENVIRONMENT),
      ...handBack(SEQUENTIAL, 2, AGRICULTURE_ENVIRONMENT),
      ...finish,
    ],
  },
  { procedure: PARALLEL, label: 'parallel-running', steps: [...parFirst, ...parSecond] },
  {
    procedure: PARALLEL,
    label: 'parallel-one-handed-back',
    steps: [...parFirst, ...parSecond, ...handBack(PARALLEL, 2, CONSTRUCTION)],
  },
  {
    procedure: PARALLEL,
    label: 'returned',
    steps: [
      ...parFirst,
      ...parSecond,
      ...handBack(PARALLEL, 2, CONSTRUCTION),
      ...handBack(PARALLEL, 2, AGRICULTURE_ENVIRONMENT),
      transfer(AGRICULTURE_ENVIRONMENT, FINANCE),
      accept(FINANCE),
      ...handBack(PARALLEL, 3, FINANCE),
      ...finish,
    ],
  },
  {
    procedure: VERTICAL,
    label: 'at-the-tax-office',
    steps: [...verFirst, transfer(FINANCE, PROVINCIAL_TAX), leadEntry('accept-stage')],
  },
  {
    procedure: VERTICAL,
    label: 'returned',
    steps: [
      ...verFirst,
      transfer(FINANCE, PROVINCIAL_TAX),
      leadEntry('accept-stage'),
      leadEntry('hand-back'),
      desk('transfer', { agencyCodes: [FINANCE] }),
      accept(FINANCE),
      ...handBack(VERTICAL, 3, FINANCE),
      ...finish,
    ],
  },
];

export function demoInterAgencyDossiers(): DemoDossier[] {
  return POINTS.map((point, i) => {
    const { procedure } = DEMO_INTER_AGENCY_PROCEDURES.find(
      (d) => d.procedure.code === point.procedure,
    )!;
    const required = procedure.requiredDocuments.filter((d) => d.required).map((d) => d.code);
    return {
      key: `demo-inter-agency-${String(i + 1).padStart(2, '0')}-${point.label}`,
      role: 'desk_officer',
      body: {
        procedureCode: procedure.code,
        channel: 'in_person',
        applicant: {
          type: 'state_body',
          personalId: `0${String(26_100_000_000 + i * 7919).padStart(11, '0')}`,
          name: 'Nguyễn Văn An',
          organisationName: `Ban quản lý dự án nhà, đất công số ${i + 1} (dữ liệu mẫu)`,
        },
        documents: required.map((code) => ({ code, digitized: true })),
      },
      steps: point.steps,
    };
  });
}
