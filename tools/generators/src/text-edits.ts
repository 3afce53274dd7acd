import type { Tree } from '@nx/devkit';

/** Rewrites one file of the tree; fails when it is missing. */
export function editFile(tree: Tree, path: string, edit: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing`);
  tree.write(path, edit(text));
}

/** `text` with the first match of `pattern` replaced; fails, naming `what`, when there is none. */
export function replaceOnce(
  text: string,
  pattern: RegExp,
  replacer: (match: string, ...groups: string[]) => string,
  what: string,
): string {
  if (!pattern.test(text)) throw new Error(`could not find ${what}`);
  return text.replace(pattern, replacer);
}

/** Adds `item` as the last element of the first array literal that follows `anchor`. */
export function appendToArrayAfter(text: string, anchor: string, item: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`could not find ${anchor}`);
  const open = text.indexOf('[', at + anchor.length - 1);
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '[') depth += 1;
    if (text[i] === ']') depth -= 1;
    if (depth === 0) {
      const inside = text.slice(open + 1, i).trimEnd();
      const separator = inside === '' || inside.endsWith(',') ? '' : ',';
      return `${text.slice(0, open + 1)}${inside}${separator}\n${item},\n${text.slice(i)}`;
    }
  }
  throw new Error(`unbalanced brackets after ${anchor}`);
}

/** Adds an import line after the last import of a TypeScript file. */
export function addImport(text: string, line: string): string {
  const imports = [...text.matchAll(/^import [^;]+;\n/gm)];
  const last = imports[imports.length - 1];
  if (!last || last.index === undefined) return `${line}\n${text}`;
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}${line}\n${text.slice(end)}`;
}
