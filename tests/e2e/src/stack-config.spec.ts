import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SERVICES, TOPICS, topicConfigOf, type TopicName } from '@motcua/contracts';
import { SERVICE_NODE_OPTIONS } from '@motcua/stack';
import { repoRoot } from '@motcua/testing';

type Compose = {
  services: Record<
    string,
    {
      environment?: Record<string, unknown>;
      ports?: string[];
      image?: string;
      build?: { dockerfile?: string; args?: Record<string, string> };
      command?: string[];
      entrypoint?: string[];
      volumes?: string[];
      depends_on?: Record<string, unknown>;
    }
  >;
};

/** docker-compose.yml cannot run on machines without Docker; this keeps it in step with the local scripts. */
describe('docker-compose.yml stays in step with the local stack', () => {
  const compose = parse(readFileSync(join(repoRoot(), 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as Compose;
  const stackScript = readFileSync(join(repoRoot(), 'tools/stack/common.sh'), 'utf8');

  it.each(SERVICES)(
    '%s is built from its own Dockerfile with the port and database of the local stack',
    (service) => {
      const definition = compose.services[service];
      expect(definition?.build?.dockerfile).toBe(`apps/${service}/Dockerfile`);
      expect(definition?.build?.args).toBeUndefined();
      const port = new RegExp(`\\[${service}\\]=(\\d+)`).exec(stackScript)?.[1];
      expect(definition?.environment?.PORT).toBe(Number(port));
      expect(definition?.ports).toEqual([`${port}:${port}`]);
      expect(definition?.environment?.DATABASE_URL).toMatch(new RegExp(`/motcua_${service}$`));
    },
  );

  it.each(SERVICES)(
    '%s starts once its own migration job has applied its migrations to its database',
    (service) => {
      const migration = compose.services[`${service}-migrate`];
      expect(migration?.image).toBe(compose.services[service]?.image);
      expect(migration?.environment?.DATABASE_URL).toBe(
        compose.services[service]?.environment?.DATABASE_URL,
      );
      expect(compose.services[service]?.depends_on).toHaveProperty(`${service}-migrate`);
      expect(migration?.depends_on).toHaveProperty('postgres');
    },
  );

  it('creates the topics the contracts declare, with their retention, from the generated topics file', () => {
    const topicsFile = readFileSync(join(repoRoot(), 'infra/kafka/topics.txt'), 'utf8');
    for (const [topic, { partitions }] of Object.entries(TOPICS)) {
      // name, partitions, the cluster's replication factor and min.insync.replicas, then the retention
      const configs = Object.entries(topicConfigOf(topic as TopicName)).map(
        ([k, v]) => `${k}=${v}`,
      );
      expect(topicsFile.split('\n')).toContain([topic, partitions, 3, 2, ...configs].join(' '));
    }
    expect(topicsFile).toMatch(/^portal\.dossier-status\.v1 6 3 2 cleanup\.policy=compact /m);
    expect(compose.services['kafka-topics']).toBeDefined();
    // The container's single broker reads the replication columns apart from the partitions.
    expect(readFileSync(join(repoRoot(), 'infra/kafka/container-broker.sh'), 'utf8')).toMatch(
      /read -r topic partitions _replicas _min_insync configs;/,
    );
  });

  it.each(SERVICES)(
    '%s signs in to Kafka with its own identity, as tools/stack/up.sh passes it',
    (service) => {
      const definition = compose.services[service];
      expect(definition?.volumes).toContain('kafka-credentials:/credentials:ro');
      // The image sets SERVICE; the command reads that service's credentials file before starting it.
      expect(definition?.command?.join(' ')).toContain('. /credentials/$$SERVICE.env');
      expect(definition?.depends_on).toHaveProperty('kafka-acls');
      expect(stackScript).toContain('source "$STACK_KAFKA_CREDENTIALS/$service.env"');
    },
  );

  it('runs the broker with SASL and applies the users and the ACLs derived from the contracts', () => {
    expect(compose.services.kafka?.entrypoint).toEqual([
      '/bin/bash',
      '/motcua/container-broker.sh',
      'start',
    ]);
    expect(compose.services['kafka-topics']?.entrypoint).toEqual([
      '/bin/bash',
      '/motcua/container-broker.sh',
      'init',
    ]);
    expect(compose.services['kafka-credentials']?.command?.join(' ')).toContain(
      'tools/kafka/identities.ts credentials /credentials',
    );
    expect(compose.services['kafka-acls']?.command?.join(' ')).toContain(
      'tools/kafka/identities.ts apply --bootstrap kafka:9092',
    );
  });

  it('gives the dossiers service a generated APPLICANT_KEY_SECRET, as npm run up does', () => {
    expect(compose.services['secrets']).toBeDefined();
    expect(compose.services['dossiers']?.command?.join(' ')).toContain(
      'cat /secrets/applicant-key',
    );
    expect(stackScript).toMatch(/APPLICANT_KEY_SECRET=.*STACK_APPLICANT_KEY_SECRET/);
  });

  it('points every service at the OpenID Connect provider, as npm run up does', () => {
    expect(compose.services['idp']?.ports).toEqual(['3100:3100']);
    for (const service of SERVICES) {
      expect(compose.services[service]?.environment?.AUTH_JWKS_URL).toBe(
        '${AUTH_JWKS_URL:-http://idp:3100/jwks}',
      );
    }
    const upScript = readFileSync(join(repoRoot(), 'tools/stack/up.sh'), 'utf8');
    expect(upScript).toContain('tools/idp/idp.ts');
  });

  it('starts every service process with the same Node.js options in the image and in npm run up', () => {
    // The images' server stage (docker-compose and Kubernetes run it) and the local stack's script.
    for (const service of SERVICES) {
      const dockerfile = readFileSync(join(repoRoot(), 'apps', service, 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(
        new RegExp(
          `^ENV NODE_ENV=production SERVICE=${service} NODE_OPTIONS=${SERVICE_NODE_OPTIONS}$`,
          'm',
        ),
      );
    }
    expect(stackScript).toContain(`NODE_OPTIONS="${SERVICE_NODE_OPTIONS}"`);
  });
});
