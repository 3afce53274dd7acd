import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { repoRoot } from './repo-root';
import { waitFor } from './wait-for';

/** A running local OpenID Connect provider (tools/idp/idp.ts) as its own process. */
export type RunningIdp = {
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  process: ChildProcess;
  logs: string[];
  stop: () => Promise<void>;
};

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the provider on `port` (a free one by default) signing with the first of `keys` (private
 * JWKs) and publishing all of them, and waits until its discovery document answers.
 */
export async function startIdp(options: {
  keys: JWK[];
  clientSecret: string;
  port?: number;
  tokenTtlSeconds?: number;
}): Promise<RunningIdp> {
  const port = options.port ?? (await freePort());
  const keysFile = join(mkdtempSync(join(tmpdir(), 'motcua-idp-')), 'keys.json');
  writeFileSync(keysFile, JSON.stringify({ keys: options.keys }), { mode: 0o600 });
  const issuer = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', join(repoRoot(), 'tools', 'register-ts.js'), join(repoRoot(), 'tools', 'idp', 'idp.ts')],
    {
      env: {
        PATH: process.env.PATH,
        IDP_PORT: String(port),
        IDP_ISSUER: issuer,
        IDP_KEYS_FILE: keysFile,
        IDP_CLIENT_SECRET: options.clientSecret,
        IDP_TOKEN_TTL_SECONDS: String(options.tokenTtlSeconds ?? 3600),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  try {
    await waitFor(
      'the OpenID Connect provider',
      async () => {
        if (child.exitCode !== null)
          throw new Error(
            `the provider exited with ${child.exitCode}: ${logs.slice(-5).join(' | ')}`,
          );
        const response = await fetch(`${issuer}/.well-known/openid-configuration`).catch(
          () => undefined,
        );
        return response?.status === 200 ? true : undefined;
      },
      30000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    tokenUrl: `${issuer}/token`,
    process: child,
    logs,
    stop,
  };
}

/** An access token from the provider by the client-credentials grant, for one of its accounts. */
export async function idpToken(
  tokenUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api' }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(
      `the provider refused a token for ${clientId}: ${body.error} ${body.error_description ?? ''}`,
    );
  return body.access_token;
}
