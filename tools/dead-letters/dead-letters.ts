/**
 * The operators' dead-letter tool: list, inspect and replay the messages a service's consumers
 * dead-lettered (its topic `dlq.<service>.v1`).
 *
 *   node -r ./tools/register-ts.js tools/dead-letters/dead-letters.ts list    <service|topic> [filters] [--json]
 *   node -r ./tools/register-ts.js tools/dead-letters/dead-letters.ts inspect <service|topic> <partition:offset>
 *   node -r ./tools/register-ts.js tools/dead-letters/dead-letters.ts replay  <service|topic> [filters] [--dry-run] [--force]
 *   node -r ./tools/register-ts.js tools/dead-letters/dead-letters.ts export  <service|topic> [filters] > letters.json
 *
 * Filters: --id <partition:offset> (repeatable), --type <CloudEvents type>, --reason <malformed|invalid|rejected|…>,
 * --since <ISO time>, --until <ISO time>. The broker is KAFKA_BROKERS (default 127.0.0.1:9092), signed
 * in as its admin (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, else the local broker's credentials).
 * Replay sends each message back to its original topic with its CloudEvents id, so every consumer
 * whose inbox already holds the event ignores it. Export writes them (values in base64) for the
 * service's own replay straight to its handlers: `node main.js --replay-dead-letters letters.json`
 * with the service's environment; see docs/operations/runbooks.md.
 */
import { SERVICES, deadLetterTopicOf, type ServiceName } from '@motcua/contracts';
import {
  createKafka,
  exportDeadLetters,
  readDeadLetters,
  replayDeadLetters,
  type DeadLetter,
  type DeadLetterFilter,
} from '@motcua/messaging';
import { createLogger } from '@motcua/observability';
import { operatorKafkaSasl } from '../kafka/operator-identity';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: dead-letters.ts list|inspect|replay|export <service|topic> [--id p:o] [--type T] [--reason R] [--since ISO] [--until ISO] [--dry-run] [--force] [--json]\n`,
  );
  process.exit(2);
}

function parse(argv: string[]) {
  const [command, target, ...rest] = argv;
  if (!['list', 'inspect', 'replay', 'export'].includes(command ?? ''))
    usage(`unknown command '${command ?? ''}'`);
  if (!target) usage('name a service or a dead-letter topic');
  const topic = (SERVICES as readonly string[]).includes(target)
    ? deadLetterTopicOf(target as ServiceName)
    : target;
  const filter: DeadLetterFilter = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => rest[++i] ?? usage(`${arg} needs a value`);
    const date = () => {
      const parsed = new Date(value());
      if (Number.isNaN(parsed.getTime())) usage(`${arg} needs an ISO date-time`);
      return parsed;
    };
    if (arg === '--id') filter.ids = [...(filter.ids ?? []), value()];
    else if (arg === '--type') filter.type = value();
    else if (arg === '--reason') filter.reason = value();
    else if (arg === '--since') filter.since = date();
    else if (arg === '--until') filter.until = date();
    else if (['--dry-run', '--force', '--json'].includes(arg)) flags.add(arg);
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (command === 'inspect') {
    if (positional.length !== 1 || !/^\d+:\d+$/.test(positional[0]))
      usage('inspect needs one <partition:offset>');
    filter.ids = [positional[0]];
  } else if (positional.length > 0) usage(`unexpected argument ${positional[0]}`);
  return { command, topic, filter, flags };
}

const summary = (l: DeadLetter) => ({
  id: l.id,
  reason: l.reason,
  type: l.type,
  eventId: l.eventId,
  key: l.key,
  originalTopic: l.originalTopic,
  group: l.group,
  failedAt: l.failedAt,
  error: l.error,
});

async function main(): Promise<void> {
  const { command, topic, filter, flags } = parse(process.argv.slice(2));
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const kafka = createKafka('motcua-dead-letters', brokers, createLogger('dead-letters', 'warn'), {
    sasl: operatorKafkaSasl(),
  });
  const letters = await readDeadLetters(kafka, topic, filter);
  if (command === 'list') {
    if (flags.has('--json')) process.stdout.write(`${JSON.stringify(letters.map(summary))}\n`);
    else
      for (const l of letters)
        process.stdout.write(
          `${l.id}\t${l.failedAt ?? '-'}\t${l.reason ?? '-'}\t${l.type ?? '(malformed)'}\t${l.group ?? '-'}\t${l.error ?? ''}\n`,
        );
    process.stderr.write(`${letters.length} dead letters in ${topic}\n`);
  } else if (command === 'export') {
    process.stdout.write(`${JSON.stringify(exportDeadLetters(letters))}\n`);
    process.stderr.write(`${letters.length} dead letters exported from ${topic}\n`);
  } else if (command === 'inspect') {
    if (letters.length === 0) usage(`no dead letter ${filter.ids?.[0]} in ${topic}`);
    const [letter] = letters;
    process.stdout.write(
      `${JSON.stringify({ ...summary(letter), headers: letter.headers, value: letter.value?.toString('utf8') ?? null }, null, 2)}\n`,
    );
  } else {
    const plans = await replayDeadLetters(kafka, topic, letters, {
      dryRun: flags.has('--dry-run'),
      force: flags.has('--force'),
    });
    process.stdout.write(
      `${JSON.stringify({ dryRun: flags.has('--dry-run'), replayed: plans })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dead-letters: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
