import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_ISSUER, ROLES, isRole, mintDevToken } from '@motcua/auth';
import { idpToken, repoRoot } from '@motcua/stack';
import { DEMO_ACCOUNTS } from '../idp/demo-accounts';

/**
 * A development token for the local stack (never valid in production), either
 *   from the stack's OpenID Connect provider, for one of its demo accounts (tools/idp/demo-accounts.ts):
 *     node -r ./tools/register-ts.js tools/auth/mint-token.ts --account demo-desk-h26
 *   or minted with the development key the provider signs with, for any principal:
 *     node -r ./tools/register-ts.js tools/auth/mint-token.ts --role desk_officer --unit VP.MC --agency 000.00.15.H26
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const account = value('--account');
  if (account) {
    if (!DEMO_ACCOUNTS.some((a) => a.clientId === account)) {
      process.stderr.write(
        `unknown account ${account}: one of ${DEMO_ACCOUNTS.map((a) => a.clientId).join(', ')}\n`,
      );
      process.exit(2);
    }
    const secret = readFileSync(
      join(repoRoot(), '.data', 'secrets', 'idp-client-secret'),
      'utf8',
    ).trim();
    process.stdout.write(`${await idpToken(`${DEV_ISSUER}/token`, account, secret)}\n`);
    return;
  }
  const roles = args.flatMap((arg, i) => (arg === '--role' ? [args[i + 1]] : []));
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `usage: mint-token.ts --account <${DEMO_ACCOUNTS.map((a) => a.clientId).join('|')}>\n` +
        `   or: mint-token.ts --role <${ROLES.join('|')}> [--role ...] [--unit CODE] [--agency CODE] [--subject ID]\n`,
    );
    process.exit(2);
  }
  const token = await mintDevToken(repoRoot(), {
    subject: value('--subject') ?? `dev-${roles[0]}`,
    roles: roles.filter(isRole),
    unit: value('--unit'),
    agency: value('--agency'),
    name: value('--name'),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`mint-token: ${error.message}\n`);
  process.exit(1);
});
