import { commonServiceEnv } from '@motcua/config';

/** Environment variables of the catalog service, validated at start. */
export const catalogEnv = { ...commonServiceEnv };
