import { formatFiles, names, type Tree } from '@nx/devkit';
import { addImport, appendToArrayAfter, editFile } from '../text-edits';

export type EventOptions = {
  name: string;
  area: string;
  topic: string;
  service: string;
  summary: string;
  keyField?: string;
};

const EVENTS = 'libs/contracts/src/events';

/**
 * A new event contract (version 1) in libs/contracts/src/events/<area>.events.ts: its zod schema
 * (the key field and `occurredAt` to start from), name, topic, key field and a realistic example,
 * listed in <AREA>_EVENTS. A new events file is also listed in the registry (ALL_EVENTS) and
 * exported by the library. Then tools/contracts/generate.ts writes the AsyncAPI and snapshots.
 */
export async function eventGenerator(tree: Tree, options: EventOptions) {
  const keyField = options.keyField ?? 'agencyCode';
  if (!/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/.test(options.name))
    throw new Error(`event name '${options.name}' must look like document.archived`);
  const topics = tree.read('libs/contracts/src/topics.ts', 'utf-8') ?? '';
  if (!topics.includes(`'${options.topic}': {`))
    throw new Error(`topic '${options.topic}' is not in TOPICS (libs/contracts/src/topics.ts)`);

  const contract = names(options.name.replace(/\./g, '-')).propertyName;
  const area = names(options.area);
  const list = `${area.constantName}_EVENTS`;
  const file = `${EVENTS}/${options.area}.events.ts`;
  const definition = contractSource(contract, options, keyField);
  if (tree.exists(file)) {
    editFile(tree, file, (text) => {
      if (!text.includes(`export const ${list} = [`))
        throw new Error(`${file} has no ${list} to list the contract in`);
      const withContract = insertBefore(text, `export const ${list} = [`, definition);
      return appendToArrayAfter(ensureImports(withContract), `export const ${list} = [`, contract);
    });
  } else {
    tree.write(
      file,
      `${ensureImports('')}\n${definition}\n/** The events of ${options.area}. */\nexport const ${list} = [${contract}] as const;\n`,
    );
    editFile(tree, 'libs/contracts/src/registry.ts', (text) =>
      appendToArrayAfter(
        addImport(text, `import { ${list} } from './events/${options.area}.events';`),
        'export const INTERNAL_EVENTS: readonly EventContract[] = [',
        `...${list}`,
      ),
    );
    editFile(
      tree,
      'libs/contracts/src/index.ts',
      (text) => `${text.trimEnd()}\nexport * from './events/${options.area}.events';\n`,
    );
  }
  await formatFiles(tree);
  return () =>
    console.log(
      `${contract} is in ${file}: refine its schema and example, add its consumers to flows.ts,\n` +
        'then node -r ./tools/register-ts.js tools/contracts/generate.ts and commit what it writes.',
    );
}

/** `text` with `insert` before the declaration starting with `anchor` (and before its doc comment). */
function insertBefore(text: string, anchor: string, insert: string): string {
  let at = text.indexOf(anchor);
  const before = text.slice(0, at).trimEnd();
  if (before.endsWith('*/')) at = before.lastIndexOf('/**');
  return `${text.slice(0, at)}${insert}\n${text.slice(at)}`;
}

function ensureImports(text: string): string {
  let out = ensureNamed(text, ['z'], 'zod');
  out = ensureNamed(out, ['defineEvent'], '../define-event');
  return ensureNamed(out, ['agencyCode', 'isoDateTime'], './common.schemas');
}

/** `text` importing each of `wanted` from `from`: added to its import of `from`, or a new import. */
function ensureNamed(text: string, wanted: string[], from: string): string {
  const pattern = new RegExp(`import \\{([^}]*)\\} from '${from.replace(/[.]/g, '\\.')}';`);
  const found = pattern.exec(text);
  if (!found) return addImport(text, `import { ${wanted.join(', ')} } from '${from}';`);
  const present = found[1]
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const missing = wanted.filter((name) => !present.includes(name));
  if (missing.length === 0) return text;
  return text.replace(pattern, `import { ${[...present, ...missing].join(', ')} } from '${from}';`);
}

function contractSource(contract: string, options: EventOptions, keyField: string): string {
  const summary = options.summary.replace(/'/g, '’');
  return `/** ${summary} */
export const ${contract} = defineEvent({
  name: 'motcua.${options.name}',
  version: 1,
  summary: '${summary}',
  topic: '${options.topic}',
  keyField: '${keyField}',
  source: '/motcua/${options.service}',
  schema: z.object({ ${keyField}: ${keyField === 'agencyCode' ? 'agencyCode' : 'z.string().min(1)'}, occurredAt: isoDateTime }),
  example: { ${keyField}: '000.00.15.H26', occurredAt: '2026-03-02T09:15:00+07:00' },
});
`;
}
