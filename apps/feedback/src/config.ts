import { commonServiceEnv } from '@motcua/config';

/** Environment variables of the feedback service, validated at start. */
export const feedbackEnv = { ...commonServiceEnv };
