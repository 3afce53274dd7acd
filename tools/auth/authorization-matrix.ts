import 'reflect-metadata';
import { matrixMarkdown } from '@motcua/auth';
/* eslint-disable @nx/enforce-module-boundaries */
import { dossiersAccessMatrix } from '../../apps/dossiers/src/scope/dossiers.access-matrix';
/* eslint-enable @nx/enforce-module-boundaries */

/** Prints the dossiers service's authorization matrix as Markdown (pasted into docs/authorization.md). */
process.stdout.write(`${matrixMarkdown(dossiersAccessMatrix())}\n`);
