/**
 * PostgreSQL stays up but refuses new connections to the stack's databases and drops the open
 * ones (ALLOW_CONNECTIONS false + pg_terminate_backend), for DRILL_DOWN_MS (default 15 s).
 * Needs a superuser on DATABASE_URL. Only the databases motcua_<service> (DRILL_DB_PREFIX) are touched.
 *   node -r ./tools/register-ts.js tools/drills/postgres-refuse-connections.ts
 */
import { refuseConnectionsFault } from '@motcua/stack';
import { drill, main, stack } from './drill-cli';

main(() => drill(refuseConnectionsFault(stack)));
