import { commonServiceEnv } from '@motcua/config';

/** Environment variables of the reporting service, validated at start. */
export const reportingEnv = { ...commonServiceEnv };
