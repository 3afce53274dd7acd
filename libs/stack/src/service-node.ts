/**
 * The Node.js options every service process runs with (NODE_OPTIONS), wherever it is started: the
 * container images (apps/<service>/Dockerfile, from tools/docker/dockerfile.ts), `npm run up` (tools/stack/common.sh), the
 * drills and the tests (a unit test keeps the first two in step with this value).
 *
 * `--max-semi-space-size=4` (MB; Node 20's default is 16): V8's young generation grows to twice
 * the semi-space while a service starts and stays committed afterwards, 32 MB of an idle service's
 * RSS. Capped at 4 MB it takes 25-35 MB off each service's idle RSS; a scavenge runs more often
 * under load, at a CPU cost measured alongside (docs/benchmarks.md, issue 17; ADR 0036).
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=4';
