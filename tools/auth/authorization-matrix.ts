import 'reflect-metadata';
import { matrixMarkdown } from '@motcua/auth';
import { dossiersAccessMatrix } from '../../apps/dossiers/src/scope/dossiers.access-matrix';

/** Prints the dossiers service's authorization matrix as Markdown (pasted into docs/authorization.md). */
process.stdout.write(`${matrixMarkdown(dossiersAccessMatrix())}\n`);
