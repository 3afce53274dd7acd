import { z } from 'zod';
import { commonServiceRules } from './common-env';

/** Raised at start when an environment variable is missing or malformed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A rule across variables: returns the problem (naming the variable) or nothing. */
export type ConfigRule<C> = (config: C) => string | undefined;

/**
 * Reads and validates environment variables against a zod shape.
 * Every problem names the variable and the rule it broke, so an operator can fix
 * the deployment without reading code.
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
  rules: ConfigRule<z.infer<z.ZodObject<S>>>[] = [],
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) {
    const common = 'KAFKA_BROKERS' in shape ? commonServiceRules : [];
    const broken = [...common, ...rules].flatMap((rule) => rule(result.data) ?? []);
    if (broken.length > 0) throw new ConfigError(broken);
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    return value === undefined || value === ''
      ? `${name} is required but not set (${issue.message})`
      : `${name} is malformed: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** One variable a service reads: required when it has neither a default nor `optional()`. */
export type EnvVariable = { name: string; required: boolean };

/** The variables of a shape, for deployment tooling (`node main.js --print-env`). */
export function describeEnv(shape: z.ZodRawShape): EnvVariable[] {
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    required: !z.safeParse(schema, undefined).success,
  }));
}

/**
 * For main.ts: load or print the problems and stop the process with exit code 78 (EX_CONFIG).
 * With `--print-env` it prints the variables the service reads as JSON and exits, so that
 * deployment manifests can be checked against the service itself.
 */
export function loadConfigOrExit<S extends z.ZodRawShape>(
  service: string,
  shape: S,
  rules: ConfigRule<z.infer<z.ZodObject<S>>>[] = [],
) {
  if (process.argv.includes('--print-env')) {
    process.stdout.write(`${JSON.stringify(describeEnv(shape))}\n`);
    process.exit(0);
  }
  try {
    return loadConfig(shape, process.env, rules);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
