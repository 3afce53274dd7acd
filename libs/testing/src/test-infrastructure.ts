import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_DEFAULTS, repoRoot, type Infrastructure } from '@motcua/stack';

/**
 * Tests get a broker of their own (other ports, other data folder) and Redis
 * database 1, so a run never mixes its events with a stack started by `npm run up`.
 * MOTCUA_TEST_KAFKA_PORT moves it (the controller takes the next port, the data folder
 * is named after the port), so that two checkouts on one machine do not share
 * topics and consumer groups.
 */
const TEST_KAFKA_PORT = Number(process.env.MOTCUA_TEST_KAFKA_PORT ?? 19092);
const TEST_KAFKA = {
  port: String(TEST_KAFKA_PORT),
  controllerPort: String(TEST_KAFKA_PORT + 1),
  dataDir:
    TEST_KAFKA_PORT === 19092
      ? 'infra/kafka/.data-test'
      : `infra/kafka/.data-test-${TEST_KAFKA_PORT}`,
};
const TEST_REDIS_URL = 'redis://127.0.0.1:6379/1';

/**
 * 1. DATABASE_URL, REDIS_URL and KAFKA_BROKERS all given: use them as they are; the broker's
 *    identities then come from MOTCUA_TEST_KAFKA_CREDENTIALS, a folder of `<identity>.env` files
 *    as infra/kafka/kafka.sh writes them (e.g. infra/kafka/.data/credentials of `npm run up`).
 * 2. Otherwise, when a Docker engine answers: start them with testcontainers.
 * 3. Otherwise: the machine's PostgreSQL and Redis, and a test broker from infra/kafka/kafka.sh.
 */
export async function resolveInfrastructure(env = process.env): Promise<Infrastructure> {
  if (env.DATABASE_URL && env.REDIS_URL && env.KAFKA_BROKERS) {
    if (!env.MOTCUA_TEST_KAFKA_CREDENTIALS) {
      throw new Error(
        "KAFKA_BROKERS is given: set MOTCUA_TEST_KAFKA_CREDENTIALS to the folder of that broker's credentials " +
          '(admin.env and one <principal>.env per service and the portal, as infra/kafka/kafka.sh writes them)',
      );
    }
    return {
      mode: 'given',
      postgresServerUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      kafkaBrokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      kafkaCredentialsDir: env.MOTCUA_TEST_KAFKA_CREDENTIALS,
      stop: async () => undefined,
    };
  }
  if (dockerAnswers()) {
    const { startContainers } = await import('./containers');
    return startContainers();
  }
  return startLocalKafka(env);
}

function dockerAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeout: 5000,
    encoding: 'utf8',
  });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function kafkaScript(command: 'start' | 'stop' | 'status'): {
  status: number | null;
  output: string;
} {
  const result = spawnSync('bash', [join(repoRoot(), 'infra/kafka/kafka.sh'), command], {
    env: {
      ...process.env,
      KAFKA_PORT: TEST_KAFKA.port,
      KAFKA_CONTROLLER_PORT: TEST_KAFKA.controllerPort,
      KAFKA_DATA_DIR: join(repoRoot(), TEST_KAFKA.dataDir),
      // The test broker's credentials live in its data folder, whatever the shell exports.
      KAFKA_CREDENTIALS_DIR: join(repoRoot(), TEST_KAFKA.dataDir, 'credentials'),
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** Whether something accepts connections on the test broker's port (e.g. another checkout's broker). */
function testBrokerPortAnswers(): boolean {
  const probe = spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${TEST_KAFKA.port}`], {
    timeout: 5000,
  });
  return probe.status === 0;
}

function startLocalKafka(env: NodeJS.ProcessEnv): Infrastructure {
  // Running from this checkout, or from another checkout on this machine (then it is theirs to stop).
  const kafkaCredentialsDir = join(repoRoot(), TEST_KAFKA.dataDir, 'credentials');
  let ours = kafkaScript('status').status === 0;
  if (ours && !existsSync(join(kafkaCredentialsDir, 'admin.env'))) {
    // This checkout's broker, left running by a kafka.sh from before identities: start it anew.
    kafkaScript('stop');
    ours = false;
  }
  const wasRunning = ours || testBrokerPortAnswers();
  if (wasRunning && !ours && !existsSync(join(kafkaCredentialsDir, 'admin.env'))) {
    throw new Error(
      `A broker this checkout did not start answers on 127.0.0.1:${TEST_KAFKA.port}, and its credentials are not in ${kafkaCredentialsDir}: ` +
        'set MOTCUA_TEST_KAFKA_PORT to a free port (the controller takes the next one)',
    );
  }
  if (!wasRunning) {
    const started = kafkaScript('start');
    if (started.status !== 0) {
      throw new Error(
        `The local Kafka broker did not start (infra/kafka/kafka.sh start):\n${started.output}`,
      );
    }
  }
  return {
    mode: 'local',
    postgresServerUrl: env.DATABASE_URL ?? LOCAL_DEFAULTS.postgresServerUrl,
    redisUrl: env.REDIS_URL ?? TEST_REDIS_URL,
    kafkaBrokers: env.KAFKA_BROKERS?.split(',') ?? [`127.0.0.1:${TEST_KAFKA.port}`],
    kafkaCredentialsDir,
    // Stop only what this run started.
    stop: async () => {
      if (!wasRunning) kafkaScript('stop');
    },
  };
}
