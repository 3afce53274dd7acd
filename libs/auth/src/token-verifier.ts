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

  constructor(private readonly options: TokenVerifierOptions) {
    const url = new URL(options.jwksUrl);
    this.keys =
      url.protocol === 'file:'
        ? createLocalJWKSet(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as JSONWebKeySet)
        : createRemoteJWKSet(url);
  }

  async verify(token: string): Promise<Principal> {
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
      subject: payload.sub,
      roles,
      unit: text('unit'),
      agency: text('agency'),
      name: text('name'),
    };
  }
}
