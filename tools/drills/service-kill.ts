/**
 * One service SIGKILLed mid-burst and started again DRILL_DOWN_MS later (default 15 s), as its
 * supervisor would; the others must not notice beyond their retries.
 *   node -r ./tools/register-ts.js tools/drills/service-kill.ts <catalog|dossiers|feedback|digitization|reporting>
 * Commands: DRILL_SERVICE_STOP_CMD / DRILL_SERVICE_START_CMD (`{service}` stands for its name);
 * defaults: SIGKILL to .data/stack/<service>.pid, then `bash tools/stack/start-service.sh <service>`.
 */
import { SERVICES, type ServiceName } from '@motcua/contracts';
import { commandFault } from '@motcua/stack';
import { drill, env, main, root } from './drill-cli';

const service = process.argv[2] as ServiceName;
if (!SERVICES.includes(service)) {
  process.stderr.write(`usage: service-kill.ts <${SERVICES.join('|')}>\n`);
  process.exit(2);
}
const stop = (
  env.DRILL_SERVICE_STOP_CMD ?? `kill -9 "$(cat '${root}/.data/stack/{service}.pid')"`
).replaceAll('{service}', service);
const start = (
  env.DRILL_SERVICE_START_CMD ?? `bash '${root}/tools/stack/start-service.sh' {service}`
).replaceAll('{service}', service);

// Serving again includes the victim's own start (Node, Nest, Kafka group join): allow 30 s.
main(() =>
  drill(
    commandFault(`${service} killed (SIGKILL) and started again`, stop, start, {
      victims: [service],
    }),
    { servingWithinMs: 30_000 },
  ),
);
