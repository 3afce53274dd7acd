import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { Principal, Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

type AuthRequest = {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
};

/**
 * The one guard of every service. An endpoint is denied unless it declares who may
 * call it with @Public() or @Roles(...): forgetting the declaration fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = bearerToken(request);

    if (isPublic) {
      if (token) request.principal = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }
    if (!roles || roles.length === 0) {
      throw new ForbiddenException('This endpoint declares no access rule, so it is closed.');
    }
    if (!token)
      throw new UnauthorizedException('A bearer token is required (Authorization header).');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    if (!request.principal.roles.some((role) => roles.includes(role))) {
      throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}

function bearerToken(request: AuthRequest): string | undefined {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
