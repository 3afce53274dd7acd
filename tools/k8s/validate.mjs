// Validates rendered Kubernetes objects against the Kubernetes OpenAPI schemas (kubernetes-models):
//   kubectl kustomize infra/k8s/overlays/<province> | node tools/k8s/validate.mjs
// Prints {"objects":N,"errors":[…]} and exits 1 when an object is invalid or of an unknown kind.
// Plain ESM because kubernetes-models is published as ES modules only.
import { loadAll } from 'js-yaml';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const objects = loadAll(Buffer.concat(chunks).toString('utf8')).filter(Boolean);

/** `apps/v1` → kubernetes-models/apps/v1, `v1` → kubernetes-models/v1. */
const modelsOf = (apiVersion) => import(`kubernetes-models/${apiVersion}`);

/**
 * kustomize folds long base64 values of Secrets over several lines; the API server's decoder
 * ignores line breaks (Go's base64), the schema's `byte` format does not: compare them unfolded.
 */
const unfolded = (object) =>
  object.kind === 'Secret' && object.data
    ? {
        ...object,
        data: Object.fromEntries(
          Object.entries(object.data).map(([k, v]) => [k, String(v).replace(/\s+/g, '')]),
        ),
      }
    : object;

const errors = [];
for (const object of objects.map(unfolded)) {
  const where = `${object.kind}/${object.metadata?.name}`;
  try {
    const Model = (await modelsOf(object.apiVersion))[object.kind];
    if (!Model) throw new Error(`unknown kind ${object.kind} in ${object.apiVersion}`);
    new Model(object).validate();
  } catch (error) {
    errors.push(`${where}: ${error.message}`);
  }
}
process.stdout.write(`${JSON.stringify({ objects: objects.length, errors })}\n`);
process.exit(errors.length > 0 ? 1 : 0);
