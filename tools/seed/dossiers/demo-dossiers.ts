import { isWorkingDay, todayInVietnam } from '@motcua/calendar';
import { DEMO_PROCEDURES } from '../catalog/demo-procedures';

/**
 * The demo dossiers (dữ liệu mẫu): a deterministic plan per index, so every run asks for the same
 * dossiers with the same Idempotency-Key and the same actions.
 */
/** A body, or a function of the dossier as the previous answer showed it (e.g. its appointment date). */
export type DemoBody =
  Record<string, unknown> | ((dossier: { appointmentDate: string }) => Record<string, unknown>);
export type DemoStep = {
  action: string;
  role: 'desk_officer' | 'specialist' | 'leader';
  unit: string;
  body: DemoBody;
  /** The officer's agency when not the demo Department of Finance (an agency of a chain's stage). */
  agency?: string;
};
export type DemoDossier = {
  key: string;
  role: 'admin' | 'desk_officer' | 'citizen' | 'portal_client';
  body: Record<string, unknown>;
  steps: DemoStep[];
};

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Hoàng Cường',
  'Phạm Thu Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Hà',
  'Đặng Quốc Huy',
  'Bùi Lan Hương',
];
const COMPANIES = [
  'Hùng Vương',
  'Sông Lô',
  'Đất Tổ',
  'Việt Trì',
  'Thanh Thủy',
  'Lâm Thao',
  'Phù Ninh',
  'Tam Nông',
];
type Plan =
  | 'received'
  | 'processing'
  | 'supplement'
  | 'intake_supplement'
  | 'not_received'
  | 'processed'
  | 'returned'
  | 'extended'
  | 'withdrawn'
  | 'stopped'
  | 'refused';
/** 20 slots: the share of each status among the demo dossiers. */
const PLANS: Plan[] = [
  'received',
  'received',
  'processing',
  'processing',
  'processing',
  'supplement',
  'intake_supplement',
  'not_received',
  'processed',
  'processed',
  'processed',
  'returned',
  'returned',
  'returned',
  'returned',
  'returned',
  'extended',
  'withdrawn',
  'stopped',
  'refused',
];
const RECENT_ONLY: Plan[] = ['supplement', 'extended'];
const ORGANISATION_PREFIX: Record<string, string> = {
  business: 'Công ty TNHH',
  state_body: 'Ban quản lý dự án',
  organisation: 'Hợp tác xã',
};

/**
 * A receipt instant `daysAgo` days before today, between 08:00 and 14:00 local time: the same
 * all day long, so that a rerun on the same day sends the same body with the same key.
 */
function backdated(now: Date, daysAgo: number, i: number): string {
  const today = todayInVietnam(now);
  const day = new Date(`${today}T08:00:00+07:00`).getTime() - daysAgo * 86_400_000;
  return new Date(day + (i % 7) * 3_600_000).toISOString();
}

function addDaysIso(date: Date, days: number): string {
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function demoDossiers(count = 200, now = new Date()): DemoDossier[] {
  return Array.from({ length: count }, (_, i) => {
    const decision = DEMO_PROCEDURES[i % DEMO_PROCEDURES.length];
    const procedure = decision.procedure;
    const plan = PLANS[i % PLANS.length];
    const daysAgo = RECENT_ONLY.includes(plan) ? 0 : (i * 7) % 45;
    const preferred = i % 10 < 6 ? 'online' : i % 10 < 9 ? 'in_person' : 'postal';
    const channel = procedure.channels.includes(preferred) ? preferred : 'in_person';
    const required = procedure.requiredDocuments.filter((d) => d.required).map((d) => d.code);
    const documents = (plan === 'intake_supplement' ? required.slice(1) : required).map(
      (code, n) => ({ code, digitized: (i + n) % 3 !== 0, reused: (i + n) % 5 === 0 }),
    );
    const specialistUnit = procedure.workflow[1].unitCode;
    const applicantTypes = procedure.applicantTypes as string[];
    const type = applicantTypes[i % applicantTypes.length];
    const body: Record<string, unknown> = {
      procedureCode: procedure.code,
      channel,
      applicant: {
        type,
        personalId: `0${String(26_000_000_000 + i * 7919).padStart(11, '0')}`,
        name: NAMES[i % NAMES.length],
        ...(type === 'citizen'
          ? {}
          : {
              organisationName: `${ORGANISATION_PREFIX[type] ?? 'Tổ chức'} ${COMPANIES[i % COMPANIES.length]} ${i + 1} (dữ liệu mẫu)`,
            }),
      },
      documents,
      ...(plan === 'not_received'
        ? { refusalReasons: ['Hồ sơ không đúng thẩm quyền giải quyết (dữ liệu mẫu)'] }
        : {}),
      ...(daysAgo > 0 ? { receivedAt: backdated(now, daysAgo, i) } : {}),
    };
    const role =
      daysAgo > 0
        ? 'admin'
        : channel === 'online'
          ? i % 2 === 0
            ? 'citizen'
            : 'portal_client'
          : 'desk_officer';
    return {
      key: `demo-dossier-${String(i + 1).padStart(4, '0')}`,
      role,
      body,
      steps: stepsOf(plan, specialistUnit, i),
    };
  });
}

function stepsOf(plan: Plan, unit: string, i: number): DemoStep[] {
  const officerId = `00000000-0000-4000-8000-${String(1000 + (i % 7)).padStart(12, '0')}`;
  const assign: DemoStep = {
    action: 'assign',
    role: 'desk_officer',
    unit: 'VP.MC',
    body: { officerId },
  };
  const toUnit: DemoStep = {
    action: 'complete-step',
    role: 'desk_officer',
    unit: 'VP.MC',
    body: {},
  };
  const processed: DemoStep = {
    action: 'mark-processed',
    role: 'specialist',
    unit,
    body: { electronicResult: i % 3 !== 0 },
  };
  const returned: DemoStep = {
    action: 'return-result',
    role: 'desk_officer',
    unit: 'VP.MC',
    body: { method: (['desk', 'online', 'postal'] as const)[i % 3] },
  };
  switch (plan) {
    case 'received':
    case 'intake_supplement':
    case 'not_received':
      return [];
    case 'processing':
      return [assign, toUnit];
    case 'supplement':
      return [
        assign,
        toUnit,
        {
          action: 'request-supplement',
          role: 'specialist',
          unit,
          body: { missing: [{ description: 'Bổ sung bản thuyết minh chi tiết (dữ liệu mẫu)' }] },
        },
      ];
    case 'processed':
      return [assign, toUnit, processed];
    case 'returned':
      return [assign, toUnit, processed, returned];
    case 'extended':
      return [
        assign,
        toUnit,
        {
          action: 'extend',
          role: 'leader',
          unit,
          body: (d) => ({
            newDueDate: nextWorkingDayFrom(
              addDaysIso(new Date(`${d.appointmentDate}T00:00:00Z`), 7),
            ),
            reason: 'Cần lấy ý kiến sở, ngành liên quan (dữ liệu mẫu)',
          }),
        },
      ];
    case 'withdrawn':
      return [
        {
          action: 'withdraw',
          role: 'desk_officer',
          unit: 'VP.MC',
          body: { reason: 'Doanh nghiệp xin rút hồ sơ (dữ liệu mẫu)' },
        },
      ];
    case 'stopped':
      return [
        assign,
        {
          action: 'stop',
          role: 'leader',
          unit,
          body: { reason: 'Dừng xử lý theo đề nghị của cơ quan có thẩm quyền (dữ liệu mẫu)' },
        },
      ];
    case 'refused':
      return [
        assign,
        toUnit,
        {
          action: 'refuse',
          role: 'specialist',
          unit,
          body: { reasons: ['Không đủ điều kiện theo quy định (dữ liệu mẫu)'] },
        },
      ];
    default: {
      const unreachable: never = plan;
      throw new Error(`unknown plan ${String(unreachable)}`);
    }
  }
}

/** A working day on or after `iso` by the same calendar as the service (which answers 422 on a day off). */
function nextWorkingDayFrom(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  while (!isWorkingDay(date.toISOString().slice(0, 10))) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
