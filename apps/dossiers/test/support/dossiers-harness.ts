import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Role } from '@motcua/auth';
import type { ProcedureVersion } from '@motcua/contracts';
import {
  mintTestToken,
  procedureVersion,
  randomAgencyCode,
  randomProcedureCode,
  startService,
  testEnv,
  type RunningService,
} from '@motcua/testing';

/**
 * The test procedure (libs/stack's fixture) with a random code and agency so runs never collide,
 * and what the dossiers' specs rely on: three documents (two required, one optional), two
 * channels (a postal intake is refused) and two applicant types.
 */
export function testProcedure(overrides: Partial<ProcedureVersion> = {}) {
  return procedureVersion(randomProcedureCode(1), {
    agencyCode: randomAgencyCode(),
    channels: ['in_person', 'online'],
    applicantTypes: ['business', 'organisation'],
    requiredDocuments: [
      { code: 'PAG', name: 'Phương án giá', originals: 1, copies: 0, required: true },
      { code: 'TTR', name: 'Tờ trình đề nghị', originals: 1, copies: 0, required: true },
      { code: 'VBTD', name: 'Văn bản thẩm định', originals: 1, copies: 0, required: false },
    ],
    ...overrides,
  });
}
export type TestProcedure = ReturnType<typeof testProcedure>;

/** Codes of a fresh province of the agency tree: the province, its public administration centre, a department. */
export function randomProvince() {
  const prefix = randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase();
  return {
    province: `${prefix}.00.00.H26`,
    centre: `${prefix}.31.07.H26`,
    department: (n: string) => `${prefix}.00.${n}.H26`,
  };
}

type ChainStage = NonNullable<ProcedureVersion['interAgency']>['stages'][number];

/** Sở Kế hoạch và Đầu tư's stage of a chain: share 2, hands on the enterprise code. */
export function planningStage(agencyCode: string): ChainStage {
  return {
    order: 1,
    agencyCode,
    agencyName: 'Sở Kế hoạch và Đầu tư',
    external: false,
    share: 2,
    handsOn: [{ kind: 'result', code: 'MST', name: 'Mã số doanh nghiệp' }],
  };
}

/**
 * A sequential inter-agency chain of the test procedure's 5 working days: Sở Kế hoạch và Đầu tư
 * (`planning`, share 2), then Sở Xây dựng (`construction`, share 3).
 */
export function sequentialChain(
  planning: string,
  construction: string,
): NonNullable<ProcedureVersion['interAgency']> {
  return {
    direction: 'horizontal',
    stages: [
      planningStage(planning),
      {
        order: 2,
        agencyCode: construction,
        agencyName: 'Sở Xây dựng',
        external: false,
        share: 3,
        handsOn: [{ kind: 'result', code: 'VBTD', name: 'Văn bản thẩm định' }],
      },
    ],
  };
}

/** A running dossiers service and a direct connection to its database (fixtures and assertions). */
export class DossiersHarness {
  db!: Client;
  service!: RunningService;
  /** The agency in the officers' tokens: that of the last procedure added (officers act on their agency only). */
  agency = '000.00.15.H26';

  async start(port: number, env: Record<string, string> = {}): Promise<this> {
    this.service = await startService('dossiers', port, env);
    this.db = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await this.db.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.db?.end();
    await this.service?.stop();
  }

  /** The local copy of a procedure version, as the catalog events would have written it. */
  async addProcedure(procedure: TestProcedure, effectiveTo?: string): Promise<TestProcedure> {
    await this.db.query(
      `INSERT INTO procedure_copy (code, version, record, effective_from, effective_to) VALUES ($1, $2, $3, $4, $5)`,
      [
        procedure.code,
        procedure.version,
        procedure,
        procedure.decision.effectiveFrom,
        effectiveTo ?? null,
      ],
    );
    this.agency = procedure.agencyCode;
    return procedure;
  }

  async request(
    method: string,
    path: string,
    options: {
      role?: Role;
      subject?: string;
      unit?: string;
      agency?: string;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...options.headers,
    };
    if (options.role) {
      const agency = options.agency ?? this.agency;
      headers.authorization = `Bearer ${await mintTestToken({ subject: options.subject ?? `${options.role}-1`, roles: [options.role], unit: options.unit, agency })}`;
    }
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    // The answers are untyped JSON on purpose: each test asserts the fields it relies on.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body: any = text ? JSON.parse(text) : undefined;
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body,
    };
  }

  /** A raw GET (binary answers: PDF, XLSX), with a token for the role when one is given. */
  async download(
    path: string,
    options: { role?: Role; agency?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.role) {
      headers.authorization = `Bearer ${await mintTestToken({ subject: `${options.role}-1`, roles: [options.role], unit: 'VP.MC', agency: options.agency ?? this.agency })}`;
    }
    const response = await fetch(`${this.service.url}${path}`, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body: any = contentType.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined;
    return { status: response.status, contentType, headers: response.headers, bytes, body };
  }

  intake(body: unknown, options: { role?: Role; subject?: string; key?: string } = {}) {
    return this.request('POST', '/dossiers', {
      role: options.role ?? 'desk_officer',
      subject: options.subject,
      unit: 'VP.MC',
      body,
      headers: options.key ? { 'idempotency-key': options.key } : {},
    });
  }

  action(id: string, action: string, body: unknown, role: Role, unit?: string, subject?: string) {
    return this.request('POST', `/dossiers/${id}/actions/${action}`, { role, body, unit, subject });
  }
}

export function intakeBody(procedure: TestProcedure, overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: procedure.code,
    channel: 'in_person',
    applicant: {
      type: 'business',
      personalId: '001099012345',
      name: 'Nguyễn Văn An',
      organisationName: 'Công ty TNHH Hùng Vương',
    },
    documents: [{ code: 'PAG', digitized: true }, { code: 'TTR' }],
    ...overrides,
  };
}
