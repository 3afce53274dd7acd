import { join } from 'node:path';
import { formatFiles, generateFiles, names, type Tree } from '@nx/devkit';
import { addImport, appendToArrayAfter, editFile } from '../text-edits';

export type FeatureOptions = { project: string; name: string };

const NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * A feature folder apps/<project>/src/<name>/ as CONTRIBUTING.md describes one: a thin controller,
 * a service, the repository (the only code that queries), pure rules with their spec, the request
 * schema (zod) and a Nest module exporting the service, imported by the app module.
 */
export async function featureGenerator(tree: Tree, options: FeatureOptions) {
  const { project, name } = options;
  if (!NAME.test(name)) throw new Error(`feature name '${name}' must be lowercase with dashes`);
  const src = `apps/${project}/src`;
  if (!tree.exists(`${src}/app.module.ts`)) throw new Error(`${src}/app.module.ts is missing`);
  if (!tree.exists(`${src}/${project}.database.ts`))
    throw new Error(`${src}/${project}.database.ts is missing (the repository reads through it)`);
  if (tree.exists(`${src}/${name}`)) throw new Error(`${src}/${name} exists already`);

  const feature = names(name);
  generateFiles(tree, join(__dirname, 'files'), src, {
    feature: name,
    featureClass: feature.className,
    featureProperty: feature.propertyName,
    project,
    serviceClass: names(project).className,
    tmpl: '',
  });
  editFile(tree, `${src}/app.module.ts`, (text) =>
    appendToArrayAfter(
      addImport(text, `import { ${feature.className}Module } from './${name}/${name}.module';`),
      'imports: [',
      `${feature.className}Module`,
    ),
  );
  await formatFiles(tree);
  return () => {
    const matrix = `${src}/scope/${project}.access-matrix.ts`;
    if (tree.exists(matrix))
      console.log(`Add a row for GET /${name} to ${matrix}: the authorization test needs one.`);
  };
}
