import { resolve } from 'node:path';

/** The monorepo root, for the specs that read generated files (this file is libs/contracts/test/support/workspace-root.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
