import { DEV_ISSUER, mintDevToken, type Role } from '@motcua/auth';
import { repoRoot } from '@motcua/stack';

/** Demo data goes in through the services' own HTTP APIs, so every event flows as in production. */
export class SeedClient {
  private readonly tokens = new Map<string, string>();

  /** `issuer`: the identity provider the services trust (the local stack's by default; the tests' own in tests). */
  constructor(
    readonly baseUrls: Record<string, string>,
    private readonly issuer = DEV_ISSUER,
  ) {}

  /** `agency`: the officer's agency (the demo Department of Finance unless another is named). */
  async token(role: Role, unit?: string, agency = '000.00.15.H26'): Promise<string> {
    const cacheKey = `${role}:${unit ?? ''}:${agency}`;
    const cached = this.tokens.get(cacheKey);
    if (cached) return cached;
    const token = await mintDevToken(repoRoot(), {
      subject: `demo-${role}${unit ? `-${unit}` : ''}${agency === '000.00.15.H26' ? '' : `-${agency}`}`,
      roles: [role],
      unit,
      agency,
      name: 'Dữ liệu mẫu (demo)',
      issuer: this.issuer,
    });
    this.tokens.set(cacheKey, token);
    return token;
  }

  /** PUTs a body (a whole resource, e.g. the agency tree); any answer but 2xx throws. */
  async put(service: string, path: string, body: unknown, role: Role): Promise<unknown> {
    const response = await fetch(`${this.baseUrls[service]}${path}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.token(role)}`,
        'x-correlation-id': `seed-${service}`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(
        `seed: PUT ${service}${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`,
      );
    return response.json();
  }

  /** POSTs a body; 2xx and 409 (already there: the seed is idempotent) are fine, anything else throws. */
  async post(
    service: string,
    path: string,
    body: unknown,
    role: Role,
    unit?: string,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrls[service]}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.token(role, unit)}`,
        'x-correlation-id': `seed-${service}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok && response.status !== 409) {
      throw new Error(
        `seed: POST ${service}${path} answered ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return { status: response.status, body: parsed };
  }
}
