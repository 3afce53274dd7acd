/**
 * PostgreSQL stopped in immediate mode (as a crash: every session dies at once) mid-burst and
 * started again DRILL_DOWN_MS later (default 15 s). How it is stopped and started:
 * DRILL_PG_STOP_CMD / DRILL_PG_START_CMD, else `pg_ctl -D $DRILL_PGDATA` (as user postgres when
 * root), else `pg_ctlcluster $DRILL_PG_CLUSTER` (default "15 main").
 *   node -r ./tools/register-ts.js tools/drills/postgres-crash-restart.ts
 */
import { commandFault } from '@motcua/stack';
import { asPostgres, drill, env, main } from './drill-cli';

const bin = env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const cluster = env.DRILL_PG_CLUSTER ?? '15 main';
const [stop, start] = env.DRILL_PGDATA
  ? [
      asPostgres(`${bin}/pg_ctl -D '${env.DRILL_PGDATA}' -m immediate -w stop`),
      asPostgres(
        `${bin}/pg_ctl -D '${env.DRILL_PGDATA}' -l '${env.DRILL_PGDATA}/drill-restart.log' -w start`,
      ),
    ]
  : [`pg_ctlcluster ${cluster} stop -m immediate`, `pg_ctlcluster ${cluster} start`];

main(() =>
  drill(
    commandFault(
      'PostgreSQL stopped in immediate mode (a crash) and started again',
      env.DRILL_PG_STOP_CMD ?? stop,
      env.DRILL_PG_START_CMD ?? start,
      {
        databaseDown: true,
      },
    ),
  ),
);
