/**
 * Writes each service's Dockerfile (apps/<service>/Dockerfile) from tools/docker/dockerfile.ts:
 *
 *   node -r ./tools/register-ts.js tools/docker/generate.ts [--check]
 *
 * --check writes nothing and exits 1 when a committed Dockerfile differs (the Dockerfile test runs it).
 */
import { join } from 'node:path';
import { SERVICES } from '@motcua/contracts';
import { writeGeneratedFiles } from '../generated-files';
import { dockerfileOf } from './dockerfile';

writeGeneratedFiles(
  SERVICES.map((service) => ({
    path: join('apps', service, 'Dockerfile'),
    content: dockerfileOf(service),
  })),
);
