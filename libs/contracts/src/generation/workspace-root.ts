import { resolve } from 'node:path';

/** The monorepo root (this file is libs/contracts/src/generation/workspace-root.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
