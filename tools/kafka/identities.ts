/**
 * Kafka identities of motcua, from libs/contracts (who produces and consumes which topic):
 *
 *   node -r ./tools/register-ts.js tools/kafka/identities.ts print [--commands]
 *       the ACLs of every principal: a table, or with --commands the kafka-configs.sh /
 *       kafka-acls.sh lines an operator runs against a production cluster
 *   node -r ./tools/register-ts.js tools/kafka/identities.ts credentials DIR
 *       create the missing DIR/<identity>.env (admin, the five services, the portal)
 *   node -r ./tools/register-ts.js tools/kafka/identities.ts apply [--bootstrap HOST:PORT] [--credentials DIR]
 *       sync the ACLs on a broker, signed in as the admin (DIR/admin.env, else the
 *       KAFKA_SASL_* variables; bootstrap from KAFKA_BROKERS when not given): missing bindings are
 *       created, bindings of motcua's principals that the contracts no longer call for are deleted.
 *
 * infra/kafka/kafka.sh runs `credentials` before and `apply` after starting the broker.
 */
import { KAFKA_PRINCIPALS, allKafkaAcls, kafkaUserOf } from '@motcua/contracts';
import { ensureKafkaCredentials, syncKafkaAcls } from '@motcua/stack';
import { operatorKafkaSasl } from './operator-identity';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** kafka-acls.sh spells operations in PascalCase: READ → Read. */
const pascal = (name: string) =>
  name
    .split('_')
    .map((word) => word[0] + word.slice(1).toLowerCase())
    .join('');

function print(commands: boolean): void {
  const acls = allKafkaAcls();
  if (!commands) {
    const rows = acls.map((a) => [
      a.principal,
      a.resourceType,
      a.patternType,
      a.resourceName,
      a.operation,
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows)
      process.stdout.write(
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd() + '\n',
      );
    return;
  }
  const out = ['# Users (one per principal; passwords from your secret store):'];
  for (const principal of KAFKA_PRINCIPALS) {
    out.push(
      `kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --alter --entity-type users ` +
        `--entity-name ${kafkaUserOf(principal)} --add-config "SCRAM-SHA-512=[iterations=8192,password=$${principal.toUpperCase()}_PASSWORD]"`,
    );
  }
  out.push('# ACLs (allow.everyone.if.no.acl.found=false: everything else is denied):');
  for (const acl of acls) {
    const resource = `--${acl.resourceType.toLowerCase()} ${acl.resourceName}`;
    out.push(
      `kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --add --allow-principal ${acl.principal} ` +
        `--operation ${pascal(acl.operation)} ${resource} --resource-pattern-type ${acl.patternType.toLowerCase()}`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'print') return print(args.includes('--commands'));
  if (command === 'credentials' && args[0]) {
    const created = ensureKafkaCredentials(args[0]);
    if (created.length > 0)
      process.stderr.write(
        `identities: created credentials of ${created.join(', ')} in ${args[0]}\n`,
      );
    return;
  }
  if (command === 'apply') {
    const bootstrap = option(args, '--bootstrap') ?? process.env.KAFKA_BROKERS;
    if (!bootstrap) throw new Error('apply needs --bootstrap HOST:PORT or KAFKA_BROKERS');
    const outcome = await syncKafkaAcls(
      bootstrap.split(','),
      operatorKafkaSasl(option(args, '--credentials')),
      allKafkaAcls(),
    );
    process.stdout.write(
      `identities: ACLs: ${outcome.created} created, ${outcome.deleted} deleted, ${outcome.kept} kept\n`,
    );
    return;
  }
  process.stderr.write(
    'usage: identities.ts print [--commands] | credentials DIR | apply [--bootstrap HOST:PORT] [--credentials DIR]\n',
  );
  process.exit(64);
}

main().catch((error: Error) => {
  process.stderr.write(`identities: ${error.message}\n`);
  process.exit(1);
});
