/**
 * Redis killed (SIGKILL) mid-burst and started again DRILL_DOWN_MS later (default 15 s). The
 * services keep answering; reporting's live stream keeps its subscribers. Commands:
 * DRILL_REDIS_STOP_CMD (default: SIGKILL to the pid Redis reports in INFO) and
 * DRILL_REDIS_START_CMD (default: `redis-server --port <port of REDIS_URL> --daemonize yes`).
 *   node -r ./tools/register-ts.js tools/drills/redis-restart.ts
 */
import { commandFault } from '@motcua/stack';
import { drill, env, main, stack } from './drill-cli';

const url = new URL(stack.redisUrl);
const cli = `redis-cli -h ${url.hostname} -p ${url.port || 6379}`;
const stop = `kill -9 "$(${cli} info server | tr -d '\\r' | sed -n 's/^process_id://p')"`;
const start = `redis-server --port ${url.port || 6379} --daemonize yes && for i in $(seq 1 50); do ${cli} ping >/dev/null 2>&1 && break; sleep 0.1; done`;

main(() =>
  drill(
    commandFault(
      'Redis killed (SIGKILL) and started again',
      env.DRILL_REDIS_STOP_CMD ?? stop,
      env.DRILL_REDIS_START_CMD ?? start,
    ),
  ),
);
