import { ROLES, isRole, mintDevToken } from '@motcua/auth';
import { repoRoot } from '@motcua/testing';

/**
 * Mints a development token signed by the local key (never valid in production):
 *   node -r ./tools/register-ts.js tools/auth/mint-token.ts --role desk_officer --unit VP.MC --agency 000.00.15.H26
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const roles = args.flatMap((arg, i) => (arg === '--role' ? [args[i + 1]] : []));
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    process.stderr.write(`usage: mint-token.ts --role <${ROLES.join('|')}> [--role ...] [--unit CODE] [--agency CODE] [--subject ID]\n`);
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

void main();
