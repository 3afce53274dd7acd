/**
 * The migration job's entrypoint, bundled beside a service as migrate.js by
 * tools/build/build-service.mjs: applies the service's committed Prisma migrations (the bundle's
 * prisma/ folder) to DATABASE_URL with `prisma migrate deploy`, as `tools/prisma/prisma.sh
 * <service> deploy` does from a checkout, and exits with Prisma's status. The Kubernetes Job
 * `<service>-migrate` and compose's `<service>-migrate` run it from the service's own image:
 *
 *   node dist/migrate.js
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const result = spawnSync(
  process.execPath,
  [
    require.resolve('prisma/build/index.js'),
    'migrate',
    'deploy',
    '--config',
    path.join(__dirname, 'prisma.config.js'),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      // The JS schema engine of prisma.config.js runs; the CLI only insists on a path (prisma.sh).
      PRISMA_SCHEMA_ENGINE_BINARY:
        process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/nonexistent-prisma-uses-js-engine',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_DISABLE_WARNINGS: '1',
      // No update check: the job's network policy lets it reach its database, nothing on the web.
      CHECKPOINT_DISABLE: '1',
    },
  },
);
if (result.error) process.stderr.write(`migrate: ${result.error.message}\n`);
process.exit(result.status ?? 1);
