// Jest set-up of every unit project (jest.preset.js): a unit spec (`*.spec.ts`) needs no
// PostgreSQL, Redis or Kafka. Whatever the run (`nx test`, `npm run test:unit`, or `npm test`,
// where the integration projects' global setup has started them), a unit spec sees none of the
// addresses that global setup published, and a socket it opens to PostgreSQL, Redis or Kafka
// fails at once and fails the file, naming the rule: such a spec is an integration test,
// `*.int.spec.ts` (CONTRIBUTING.md, "Tests").
const net = require('node:net');

/** What libs/testing's global setup publishes for the integration tests (test-env.ts). */
const PUBLISHED = [
  'MOTCUA_TEST_INFRA_READY',
  'MOTCUA_TEST_INFRA_MODE',
  'MOTCUA_TEST_PG_SERVER',
  'MOTCUA_TEST_REDIS_URL',
  'MOTCUA_TEST_KAFKA_BROKERS',
  'MOTCUA_TEST_KAFKA_CREDENTIALS',
  'MOTCUA_TEST_JWKS_URL',
  'MOTCUA_TEST_AUTH_ISSUER',
  'MOTCUA_TEST_IDP_TOKEN_URL',
  'MOTCUA_TEST_IDP_CLIENT_SECRET',
  'MOTCUA_TEST_APPLICANT_KEY_SECRET',
];

function portsIn(value) {
  return [...String(value ?? '').matchAll(/:(\d{1,5})(?=[/,?\s]|$)/g)].map((m) => Number(m[1]));
}

/** PostgreSQL, Redis and Kafka: their usual ports, the test broker's, and any configured one. */
const testKafkaPort = Number(process.env.MOTCUA_TEST_KAFKA_PORT ?? 19092);
const BLOCKED = new Set([
  5432,
  6379,
  9092,
  9093,
  testKafkaPort,
  testKafkaPort + 1,
  ...[
    'DATABASE_URL',
    'REDIS_URL',
    'KAFKA_BROKERS',
    'MOTCUA_TEST_PG_SERVER',
    'MOTCUA_TEST_REDIS_URL',
    'MOTCUA_TEST_KAFKA_BROKERS',
  ].flatMap((name) => portsIn(process.env[name])),
]);
for (const name of PUBLISHED) delete process.env[name];

function targetOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') return { port: Number(first.port), host: first.host };
  return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
}

const violations = [];
// The real connect, kept on the module (tools/test/integration-setup.js puts it back too, should a
// unit file end without its afterAll).
const REAL_CONNECT = Symbol.for('motcua.net.connect');
net[REAL_CONNECT] ??= net.Socket.prototype.connect;
const connect = net[REAL_CONNECT];
net.Socket.prototype.connect = function guardedConnect(...args) {
  const { port, host } = targetOf(args);
  if (!BLOCKED.has(port)) return connect.apply(this, args);
  const error = new Error(
    `a unit spec opened a socket to ${host ?? 'localhost'}:${port} (PostgreSQL, Redis or Kafka): ` +
      'a spec that needs them is an integration test, name it *.int.spec.ts',
  );
  violations.push(error.message);
  process.nextTick(() => this.destroy(error));
  return this;
};

// Jest runs a single worker's files in one process (and `npm test` runs the integration
// projects after): the real connect comes back when the file ends.
afterAll(() => {
  net.Socket.prototype.connect = connect;
  if (violations.length > 0) throw new Error([...new Set(violations)].join('\n'));
});
