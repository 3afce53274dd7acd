import { commonServiceEnv } from '@motcua/config';

/** Environment variables of the dossiers service, validated at start. */
export const dossiersEnv = { ...commonServiceEnv };
