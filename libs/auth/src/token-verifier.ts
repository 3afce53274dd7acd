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

export type TokenVerifierOptions = { jwksUrl: string; issuer: string; audience: string };

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies bearer tokens against the identity provider's JWKS (https in production,
 * a file:// JWKS holding the local development key otherwise) and turns their claims
 * into a Principal.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens already verified, until they expire (at most VERIFIED_TTL_MS, so a key taken out of
   * the JWKS stops working soon): an officer sends the same token with every request, and a
   * signature check costs more than the rest of a small request.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly options: TokenVerifierOptions) {
    const url = new URL(options.jwksUrl);
    this.keys =
      url.protocol === 'file:'
        ? createLocalJWKSet(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as JSONWebKeySet)
        : createRemoteJWKSet(url);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return known.principal;
    if (known) this.verified.delete(token);
    const { principal, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: Math.min(expiresAt ?? 0, Date.now() + VERIFIED_TTL_MS) });
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAt?: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'RS256'],
      }));
    } catch (error) {
      throw new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    }
    if (!payload.sub) throw new InvalidTokenError('token has no subject (sub)');
    const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
    if (roles.length === 0) throw new InvalidTokenError('token carries no known role (roles)');
    const text = (claim: string) => {
      const value = payload[claim];
      return typeof value === 'string' ? value : undefined;
    };
    return {
      principal: { subject: payload.sub, roles, unit: text('unit'), agency: text('agency'), name: text('name') },
      expiresAt: payload.exp === undefined ? undefined : payload.exp * 1000,
    };
  }
}

const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_CAPACITY = 10_000;
