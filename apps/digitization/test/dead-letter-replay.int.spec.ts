import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { buildEvent, dossierReceived, toKafkaRecord } from '@motcua/contracts';
import { demoPki, kafkaSaslEnv } from '@motcua/stack';
import { repoRoot, serviceTestEnv, testEnv, testKafka, waitFor } from '@motcua/testing';
import { DigitizationHarness } from './digitization-harness';
import { dossierFacts, newApplicantKey, received, testAgency } from './dossier-fixtures';

jest.setTimeout(300_000);

type Replayed = { dryRun: boolean; replayed: { id: string; eventId: string; outcome: string }[] };

/** The operators' dead-letter tool, signed in as the broker's admin. */
function deadLettersTool(args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['-r', './tools/register-ts.js', 'tools/dead-letters/dead-letters.ts', ...args],
    {
      cwd: repoRoot(),
      env: {
        ...process.env,
        KAFKA_BROKERS: testEnv.kafkaBrokers().join(','),
        ...kafkaSaslEnv(testEnv.kafkaSasl('admin')),
      },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0) throw new Error(`dead-letters.ts ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * digitization's own replay, as an operator runs it beside the instances, with their
 * environment: `node main.js --replay-dead-letters <file|-> [--dry-run]`.
 */
function serviceReplay(args: string[], env: Record<string, string>, input?: string): Replayed {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot(), 'dist/apps/digitization/main.js'), '--replay-dead-letters', ...args],
    { env: serviceTestEnv('digitization', 4530, env), input, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0)
    throw new Error(`replay exited ${result.status}: ${result.stdout}\n${result.stderr}`);
  // The service logs JSON lines too; the result is the line that carries `replayed`.
  const line = result.stdout.split('\n').find((l) => l.startsWith('{"dryRun"'));
  if (!line) throw new Error(`no result line in:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(line) as Replayed;
}

describe('dead letters replayed straight to the service handler after the fix', () => {
  let harness: DigitizationHarness;
  let producer: Producer;
  const workDir = mkdtempSync(join(tmpdir(), 'digitization-dlq-'));
  const agency = testAgency();

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4529);
    producer = testKafka(testEnv.kafkaBrokers()).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await harness?.db
      .query(`DROP TRIGGER IF EXISTS refuse_poison ON dossier_copy`)
      .catch(() => undefined);
    await producer?.disconnect();
    await harness?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function receive() {
    const facts = dossierFacts(agency, newApplicantKey());
    const { event, topic, key } = buildEvent(dossierReceived, received(facts, ['BDKG', 'GPKD']), {
      correlationId: 'dead-letter-replay',
    });
    await producer.send({ topic, messages: [toKafkaRecord(event, key)] });
    return { dossierId: facts.dossierId, eventId: event.id };
  }
  const copies = async (dossierId: string) =>
    (
      await harness.db.query<{ documents: { code: string }[] }>(
        `SELECT documents FROM dossier_copy WHERE dossier_id = $1`,
        [dossierId],
      )
    ).rows;

  it('dead-letters a message its database refuses, then applies it once from the export, dry run first', async () => {
    // The defect: the copy's table refuses one dossier (as a bad migration or constraint would).
    const poisonId = randomUUID();
    await harness.db.query(`
      CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$
      BEGIN
        IF NEW.dossier_id = '${poisonId}'::uuid THEN RAISE EXCEPTION 'dossier % refused by the defect', NEW.dossier_id; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await harness.db.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON dossier_copy FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
    );
    const facts = dossierFacts(agency, newApplicantKey());
    const poison = { ...facts, dossierId: poisonId };
    const { event, topic, key } = buildEvent(dossierReceived, received(poison, ['BDKG', 'GPKD']), {
      correlationId: 'dead-letter-replay-poison',
    });
    await producer.send({ topic, messages: [toKafkaRecord(event, key)] });
    const good = await receive();
    await waitFor('the good copy', async () =>
      (await copies(good.dossierId)).length === 1 ? true : undefined,
    );

    const letter = await waitFor(
      'the poison dead-lettered',
      async () =>
        (
          JSON.parse(
            deadLettersTool(['list', 'digitization', '--json', '--type', dossierReceived.type]),
          ) as { id: string; eventId: string; reason: string; group: string }[]
        ).find((l) => l.eventId === event.id),
      120_000,
    );
    expect(letter).toMatchObject({ reason: 'retries-exhausted', group: 'motcua.digitization' });
    expect(await copies(poisonId)).toEqual([]);
    const file = join(workDir, 'letters.json');
    writeFileSync(file, deadLettersTool(['export', 'digitization', '--id', letter.id]));

    const env = {
      STORAGE_DIR: harness.storageDir,
      SIGNATURE_TRUST_ANCHORS_FILE: demoPki().anchorFile,
    };
    // Before the fix, the handler refuses it again and nothing is written.
    const early = spawnSync(
      process.execPath,
      [join(repoRoot(), 'dist/apps/digitization/main.js'), '--replay-dead-letters', file],
      { env: serviceTestEnv('digitization', 4530, env), encoding: 'utf8', timeout: 120_000 },
    );
    expect(early.status).toBe(1);
    expect(early.stdout).toContain('"outcome":"refused"');
    expect(await copies(poisonId)).toEqual([]);

    // The fix is deployed.
    await harness.db.query(`DROP TRIGGER refuse_poison ON dossier_copy`);
    expect(serviceReplay([file, '--dry-run'], env).replayed).toEqual([
      expect.objectContaining({ id: letter.id, eventId: event.id, outcome: 'would-apply' }),
    ]);
    expect(await copies(poisonId)).toEqual([]); // a dry run writes nothing

    expect(serviceReplay([file], env).replayed).toEqual([
      expect.objectContaining({ id: letter.id, eventId: event.id, outcome: 'applied' }),
    ]);
    const [copy] = await copies(poisonId);
    expect(copy.documents.map((d) => d.code)).toEqual(['BDKG', 'GPKD']);

    // Again (from stdin): the group's inbox holds it, nothing changes.
    const exported = deadLettersTool(['export', 'digitization', '--id', letter.id]);
    expect(serviceReplay(['-'], env, exported).replayed).toEqual([
      expect.objectContaining({ id: letter.id, outcome: 'duplicate' }),
    ]);
    const inbox = await harness.db.query(
      `SELECT count(*)::int AS n FROM inbox_event WHERE consumer_group = 'motcua.digitization' AND event_id = $1`,
      [event.id],
    );
    expect(inbox.rows[0].n).toBe(1);
    expect(await copies(poisonId)).toHaveLength(1);
  });
});
