import { resolve } from 'node:path';
import { DEFAULT_LIMITS, type ArnContext, type Limits } from '../core/index.js';

export interface TsunagiConfig {
  port: number;
  host: string;
  /** SQLite file path or postgres:// URL. */
  database: string;
  arns: ArnContext;
  limits: Limits;
  /** Alias of the instance created on first start. */
  defaultInstanceAlias: string;
  logRequests: boolean;
}

export const DEFAULT_DATABASE = 'data/tsunagi.db';

export interface ConfigOverrides {
  port?: string | number;
  host?: string;
  database?: string;
}

function parsePort(value: string | number, source: string): number {
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${source}: '${value}' is not a port number (0-65535)`);
  return port;
}

/**
 * The only place that reads the environment. Command-line options win over TSUNAGI_* variables, which win over
 * defaults: port 8080, host 127.0.0.1, SQLite at ./data/tsunagi.db.
 */
export function loadConfig(
  overrides: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): TsunagiConfig {
  const database = overrides.database ?? env.TSUNAGI_DATABASE ?? DEFAULT_DATABASE;
  return {
    port: parsePort(
      overrides.port ?? env.TSUNAGI_PORT ?? 8080,
      overrides.port !== undefined ? '--port' : 'TSUNAGI_PORT',
    ),
    host: overrides.host ?? env.TSUNAGI_HOST ?? '127.0.0.1',
    database: /^postgres(ql)?:\/\//.test(database) || database === ':memory:' ? database : resolve(database),
    arns: {
      region: env.TSUNAGI_REGION ?? 'us-east-1',
      account: env.TSUNAGI_ACCOUNT_ID ?? '000000000000',
    },
    limits: { ...DEFAULT_LIMITS },
    defaultInstanceAlias: env.TSUNAGI_INSTANCE_ALIAS ?? 'tsunagi',
    logRequests: env.TSUNAGI_LOG_REQUESTS === '1',
  };
}
