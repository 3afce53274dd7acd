import { commonServiceEnv } from '@motcua/config';

/** Environment variables of the digitization service, validated at start. */
export const digitizationEnv = { ...commonServiceEnv };
