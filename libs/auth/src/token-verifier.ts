import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isRole, type Principal } from './roles';

export type TokenVerifierOptions = {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** How far the issuer's clock may differ from ours, for `exp`, `nbf` and `iat` (default 60 s). */
  clockSkewSeconds?: number;
  /**
   * A token signed with a key the cached JWKS does not hold makes the verifier fetch the JWKS again,
   * at most once per this many seconds (default 30): the provider rotated its keys.
   */
  jwksCooldownSeconds?: number;
  /** The JWKS is fetched again after this many seconds even when every key is known (default 600). */
  jwksMaxAgeSeconds?: number;
  /** The clock (tests only). */
  now?: () => Date;
};

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies bearer tokens against the identity provider's JWKS (the OpenID Connect provider's
 * jwks_uri; a file:// JWKS only in unit tests) and turns their claims into a Principal.
 *
 * Time rules, each with a bounded clock skew (AUTH_CLOCK_SKEW_SECONDS, default 60 s): every token
 * must carry `exp` (a token that never expires is refused even when correctly signed), `exp` must
 * be later than now − skew, `nbf` (when present) earlier than now + skew, and `iat` (when present)
 * not later than now + skew (a token issued in the future comes from a wrong clock or a forger).
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly skew: number;
  private readonly now: () => Date;
  /**
   * Tokens already verified, until they expire (at most VERIFIED_TTL_MS, so a key taken out of
   * the JWKS stops working soon): an officer sends the same token with every request, and a
   * signature check costs more than the rest of a small request.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly options: TokenVerifierOptions) {
    const url = new URL(options.jwksUrl);
    this.skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
    this.now = options.now ?? (() => new Date());
    this.keys =
      url.protocol === 'file:'
        ? createLocalJWKSet(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as JSONWebKeySet)
        : createRemoteJWKSet(url, {
            cooldownDuration: (options.jwksCooldownSeconds ?? 30) * 1000,
            cacheMaxAge: (options.jwksMaxAgeSeconds ?? 600) * 1000,
          });
  }

  async verify(token: string): Promise<Principal> {
    const now = this.now().getTime();
    const known = this.verified.get(token);
    if (known && now < known.until) return known.principal;
    if (known) this.verified.delete(token);
    const { principal, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CAPACITY)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: Math.min(expiresAt, now + VERIFIED_TTL_MS) });
    return principal;
  }

  private async verifySignature(
    token: string,
  ): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'RS256', 'PS256'],
        clockTolerance: this.skew,
        currentDate: this.now(),
      }));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (typeof payload.exp !== 'number') {
      throw new InvalidTokenError('token has no expiry (exp): every token must expire');
    }
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds + this.skew) {
      throw new InvalidTokenError(
        `token issued in the future (iat): more than ${this.skew} s ahead of this server's clock`,
      );
    }
    if (!payload.sub) throw new InvalidTokenError('token has no subject (sub)');
    const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
    if (roles.length === 0) throw new InvalidTokenError('token carries no known role (roles)');
    const text = (claim: string) => {
      const value = payload[claim];
      return typeof value === 'string' ? value : undefined;
    };
    return {
      principal: {
        subject: payload.sub,
        roles,
        unit: text('unit'),
        agency: text('agency'),
        name: text('name'),
      },
      expiresAt: payload.exp * 1000,
    };
  }
}

const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_CAPACITY = 10_000;
