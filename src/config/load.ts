import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CodedError } from '../core/errors.js';
import { configSchema, VARIABLES, type Config, type ConfigKey } from './schema.js';

/**
 * Reads the configuration: `.env` (if present) under the real environment, which wins. Every bad
 * variable is reported at once with its name, what was expected and how to fix it; values of
 * secrets are never printed.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, envFile: string | null = '.env'): Config => {
  let fromFile: Record<string, string | undefined> = {};
  if (envFile && existsSync(envFile)) {
    try {
      fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
    } catch (cause) {
      throw new CodedError(
        'CONFIG_INVALID',
        `${envFile} cannot be read: ${String(cause)}. Fix the file or remove it.`,
        { cause },
      );
    }
  }
  const raw: Record<string, string> = {};
  for (const key of Object.keys(VARIABLES)) {
    const v = env[key] ?? fromFile[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const key = String(i.path[0]) as ConfigKey;
    const doc = VARIABLES[key];
    const shown = doc?.secret ? '(value hidden)' : JSON.stringify(raw[key]);
    return `${key}=${shown}: ${i.message}. ${doc ? `${doc.description} Example: ${key}=${doc.secret ? '…' : doc.example}.` : ''} Fix it in .env or the environment.`;
  });
  throw new CodedError('CONFIG_INVALID', `Configuration problems:\n  ${lines.join('\n  ')}`, {
    context: { variables: parsed.error.issues.map((i) => i.path[0]) },
  });
};
