import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@motcua/testing';

jest.setTimeout(600_000);

/**
 * The single-node broker commands the runbooks name (docs/operations/commands.md), run as an
 * operator runs them on a broker of the test's own (its port moved by MOTCUA_TEST_PORT_OFFSET,
 * its data and credentials in a temp folder): start, status, topics, list, describe, quorum,
 * rotate, stop; and the identities tool that prints and applies the users and ACLs.
 */
describe('kafka.sh and the identities tool, on a broker of the test', () => {
  const port = 29300 + Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0) / 50;
  const dataDir = mkdtempSync(join(tmpdir(), 'kafka-operator-'));
  const env = {
    ...process.env,
    KAFKA_NODES: '1',
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    KAFKA_DATA_DIR: dataDir,
  };
  const kafkaSh = (...args: string[]) =>
    spawnSync('bash', [join(repoRoot(), 'infra/kafka/kafka.sh'), ...args], {
      env,
      encoding: 'utf8',
      timeout: 300_000,
    });
  const identities = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['-r', './tools/register-ts.js', 'tools/kafka/identities.ts', ...args],
      { cwd: repoRoot(), env, encoding: 'utf8', timeout: 120_000 },
    );
  const output = (r: ReturnType<typeof kafkaSh>) => `${r.stdout}${r.stderr}`;

  afterAll(() => {
    kafkaSh('stop');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, answers status, creates the topics, describes one, rotates an identity and stops', () => {
    expect(kafkaSh('status').status).toBe(3);
    const started = kafkaSh('start');
    expect({ status: started.status, output: output(started) }).toMatchObject({ status: 0 });
    const status = kafkaSh('status');
    expect(status.status).toBe(0);
    expect(output(status)).toContain(`running`);

    expect(kafkaSh('topics').status).toBe(0);
    const listed = kafkaSh('list');
    expect(listed.status).toBe(0);
    for (const topic of ['dossiers.dossier.v1', 'portal.dossier-status.v1', 'dlq.digitization.v1'])
      expect(listed.stdout).toContain(topic);

    const described = kafkaSh('describe', 'dossiers.dossier.v1');
    expect(described.status).toBe(0);
    expect(described.stdout).toMatch(/partition\s*0/i);
    expect(described.stdout).toMatch(/isr/i);
    const quorum = kafkaSh('quorum');
    expect(quorum.status).toBe(0);
    expect(quorum.stdout).toMatch(/voter/i);

    const credentials = join(dataDir, 'credentials', 'reporting.env');
    const before = readFileSync(credentials, 'utf8');
    expect(kafkaSh('rotate', 'reporting').status).toBe(0);
    expect(readFileSync(credentials, 'utf8')).not.toBe(before);

    // What README, "Kafka identities", has an operator print and apply.
    const printed = identities('print', '--commands');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('kafka-acls');
    expect(printed.stdout).toContain('motcua-reporting');
    const applied = identities(
      'apply',
      '--bootstrap',
      `127.0.0.1:${port}`,
      '--credentials',
      join(dataDir, 'credentials'),
    );
    expect({ status: applied.status, output: output(applied) }).toMatchObject({ status: 0 });

    expect(kafkaSh('stop').status).toBe(0);
    expect(kafkaSh('status').status).toBe(3);
  });
});
