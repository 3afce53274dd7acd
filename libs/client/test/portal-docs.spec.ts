import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import Ajv from 'ajv';
import ts from 'typescript';
import {
  portalChangeSchema,
  portalChangesPageSchema,
  portalSyncAcknowledged,
  signWebhook,
} from '@motcua/contracts';
import { decodePortalMessage } from '../src';

/**
 * docs/portal-integration.md is what a portal developer follows without reading the code, so its
 * examples cannot drift: every fenced json block is marked `<!-- checked: <kind> -->` and parsed
 * here against the contract's zod schema and the OpenAPI answer, and the signature-verification
 * snippet is run as written against signatures made by the service's signing code.
 */
const repo = join(__dirname, '..', '..', '..');
const markdown = readFileSync(join(repo, 'docs', 'portal-integration.md'), 'utf8');
const openapi = JSON.parse(readFileSync(join(repo, 'docs', 'openapi', 'dossiers.json'), 'utf8'));

type Block = { kind: string | undefined; lang: string; body: string };

/** Fenced blocks with the `<!-- checked: kind -->` marker of the paragraph just before them. */
function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const fence = /(?:<!-- checked: ([a-z-]+) -->\s*\n)?```(\w*)\n([\s\S]*?)\n```/g;
  for (const match of text.matchAll(fence)) {
    blocks.push({ kind: match[1], lang: match[2], body: match[3] });
  }
  return blocks;
}

const ajv = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore' });
ajv.addSchema(openapi, 'dossiers');
const pointer = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');
function openapiAnswer(path: string, method: string, status: string) {
  return ajv.compile({
    $ref: `dossiers#/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`,
  });
}

const checks: Record<string, (value: unknown) => void> = {
  'portal-changes-page': (value) => {
    portalChangesPageSchema.parse(value);
    const validate = openapiAnswer('/portal/changes', 'get', '200');
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  },
  'portal-change': (value) => portalChangeSchema.parse(value),
  'webhook-created': (value) => {
    const validate = openapiAnswer('/portal/webhooks', 'post', '201');
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  },
  'portal-ack': (value) => portalSyncAcknowledged.schema.parse(value),
};

describe('docs/events.md, the portal message', () => {
  const blocks = fencedBlocks(readFileSync(join(repo, 'docs', 'events.md'), 'utf8'));
  const headers = blocks.find((b) => b.kind === 'portal-headers');
  const value = blocks.find((b) => b.kind === 'portal-status');

  it('decodes, headers and value as shown, into a status with its sequence', () => {
    const lines = headers!.body.split('\n').map((line) => line.split(': '));
    const decoded = decodePortalMessage({
      headers: Object.fromEntries(lines.map(([name, text]) => [name, Buffer.from(text)])),
      value: Buffer.from(value!.body),
    });
    expect(decoded).toMatchObject({ kind: 'status', event: { sequence: 2 } });
  });
});

describe('docs/portal-integration.md', () => {
  const blocks = fencedBlocks(markdown);
  const json = blocks.filter((b) => b.lang === 'json');

  it('marks every JSON example with the contract it is checked against', () => {
    expect(json.length).toBeGreaterThanOrEqual(4);
    expect(json.filter((b) => !b.kind || !checks[b.kind]).map((b) => b.body)).toEqual([]);
  });

  it.each(json.map((b, i) => [i, b.kind ?? '(unmarked)', b.body] as const))(
    'JSON example %d (%s) matches the contract',
    (_index, kind, body) => {
      checks[kind](JSON.parse(body));
    },
  );

  describe('the webhook-signature verification snippet', () => {
    const snippets = blocks.filter((b) => b.kind === 'verify-webhook-snippet');
    type Verify = (secret: string, rawBody: string, header: string | undefined) => boolean;

    function loadSnippet(): Verify {
      const { outputText } = ts.transpileModule(snippets[0].body, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      const exported: Record<string, unknown> = {};
      const allowed = (name: string) => {
        if (name !== 'node:crypto') throw new Error(`the snippet requires ${name}`);
        return crypto;
      };
      runInNewContext(outputText, { require: allowed, exports: exported, Buffer });
      return exported.verify as Verify;
    }

    const secret = 'q7Z0v3xK9mR2bT8nW4pL6sD1fH5jC0aE9uY3iO7kN2g';
    const body = JSON.stringify(JSON.parse(json.find((b) => b.kind === 'portal-change')!.body));
    const now = () => Math.floor(Date.now() / 1000);

    it('is there once, as TypeScript', () => {
      expect(snippets.map((s) => s.lang)).toEqual(['ts']);
    });

    it('accepts what the service signs', () => {
      expect(loadSnippet()(secret, body, signWebhook(secret, body, now()))).toBe(true);
    });

    it('refuses another body, another secret, an old timestamp and a malformed header', () => {
      const verify = loadSnippet();
      const header = signWebhook(secret, body, now());
      expect(verify(secret, body.replace('"portalStatus":4', '"portalStatus":5'), header)).toBe(
        false,
      );
      expect(verify(`${secret}x`, body, header)).toBe(false);
      expect(verify(secret, body, signWebhook(secret, body, now() - 301))).toBe(false);
      expect(verify(secret, body, undefined)).toBe(false);
      expect(verify(secret, body, 't=abc,v1=00')).toBe(false);
    });
  });
});
