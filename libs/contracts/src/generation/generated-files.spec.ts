// js-yaml is installed with @nestjs/swagger; the tests only read generated YAML back with it.
import { load } from 'js-yaml';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_EVENTS } from '../registry';
import { TOPICS } from '../topics';
import { buildAsyncApi } from './asyncapi';
import {
  ASYNCAPI_FILE,
  GENERATE_COMMAND,
  SCHEMA_DIR,
  TOPICS_FILE,
  renderGeneratedFiles,
} from './generated-files';
import { WORKSPACE_ROOT } from '../../test/support/workspace-root';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: {
    messages: Record<
      string,
      { payload: unknown; examples: { payload: unknown; headers: Record<string, string> }[] }
    >;
  };
};

const files = renderGeneratedFiles();

describe('generated documents are committed and up to date', () => {
  it.each(files.map((file) => [file.path, file.content]))('%s', (path, content) => {
    const target = join(WORKSPACE_ROOT, path);
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (committed !== content) {
      throw new Error(
        `${path} is ${committed === undefined ? 'missing' : 'stale'}: run \`${GENERATE_COMMAND}\` and commit the result`,
      );
    }
  });

  it(`${SCHEMA_DIR} holds nothing but the schemas of current contracts`, () => {
    const expected = new Set(files.map((file) => file.path));
    const present = readdirSync(join(WORKSPACE_ROOT, SCHEMA_DIR)).map(
      (name) => `${SCHEMA_DIR}/${name}`,
    );
    expect(present.filter((path) => !expected.has(path))).toEqual([]);
  });

  it(`${TOPICS_FILE} lists every topic with its partitions`, () => {
    const lines = files.find((file) => file.path === TOPICS_FILE)!.content.split('\n');
    expect(lines[0]).toMatch(/^# GENERATED/);
    const entries = lines
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(' '));
    expect(Object.fromEntries(entries)).toEqual(
      Object.fromEntries(
        Object.entries(TOPICS).map(([topic, { partitions }]) => [topic, String(partitions)]),
      ),
    );
  });
});

describe('the AsyncAPI document', () => {
  const written = files.find((file) => file.path === ASYNCAPI_FILE)!.content;
  const doc = load(written) as Doc;

  it('reads back (YAML) as exactly the generated object', () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildAsyncApi())));
  });

  it('is AsyncAPI 3.0 with the local Kafka server', () => {
    expect(doc).toMatchObject({
      asyncapi: '3.0.0',
      servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka' } },
    });
  });

  it('has one channel per topic and a message with an example for every contract', () => {
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(Object.keys(TOPICS).sort());
    for (const contract of ALL_EVENTS) {
      const message = doc.components.messages[contract.type];
      expect(message).toBeDefined();
      expect(message.examples[0].payload).toEqual(JSON.parse(JSON.stringify(contract.example)));
      expect(message.examples[0].headers).toMatchObject({
        ce_type: contract.type,
        ce_source: contract.source,
      });
      const channel = Object.values(doc.channels).find((c) => c.address === contract.topic)!;
      expect(channel.messages[contract.type]).toEqual({
        $ref: `#/components/messages/${contract.type}`,
      });
    }
  });

  it('resolves every $ref of the operations', () => {
    const resolve = (ref: string) =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          doc,
        );
    for (const [id, operation] of Object.entries(doc.operations)) {
      expect([id, resolve(operation.channel.$ref)]).toEqual([id, expect.anything()]);
      for (const message of operation.messages) {
        expect(message.$ref.startsWith(`${operation.channel.$ref}/messages/`)).toBe(true);
        expect([id, message.$ref, resolve(message.$ref)]).toEqual([
          id,
          message.$ref,
          expect.anything(),
        ]);
      }
    }
  });

  it('describes who sends and who receives, per the service table', () => {
    const ops = Object.keys(doc.operations);
    expect(ops).toEqual(
      expect.arrayContaining([
        'catalog.send.catalog.procedure.v1',
        'catalog.send.catalog.review.v1',
        'dossiers.send.dossiers.dossier.v1',
        'dossiers.send.portal.dossier-status.v1',
        'dossiers.receive.catalog.procedure.v1',
        'dossiers.receive.digitization.document.v1',
        'feedback.send.feedback.feedback.v1',
        'feedback.receive.catalog.procedure.v1',
        'digitization.send.digitization.document.v1',
        'digitization.receive.dossiers.dossier.v1',
        'reporting.receive.dossiers.dossier.v1',
        'portal.receive.portal.dossier-status.v1',
      ]),
    );
    expect(ops.filter((op) => op.startsWith('reporting.send.') && !op.includes('dlq'))).toEqual([]);
  });
});
