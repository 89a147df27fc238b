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
  /** One JSON line per request (TSUNAGI_LOG_REQUESTS=1). */
  logRequests: boolean;
  /** The lowest level logged as JSON lines on standard output (TSUNAGI_LOG_LEVEL; warn, or info with requests). */
  logLevel: LogLevel;
  /** Prometheus metrics at /metrics (TSUNAGI_METRICS=off turns them off). */
  metrics: boolean;
  /** The built-in administrator's password on the first start (else one is made up and printed once). */
  adminPassword?: string;
  /** An access key for the administrator that scripts and CI can sign with from the first start. */
  bootstrapKey?: { accessKeyId: string; secretAccessKey: string };
  /**
   * What the first start on a new database sets up besides the administrator: a setup file (docs/SETUP.md) and
   * an access key for the administrator (not made when a bootstrap key is configured). Nothing by default; the
   * CLI's `serve` asks for the callback-via-task example and a key.
   */
  firstStart: { setupFile?: string; accessKey: boolean };
  /** Where a setup file's PasswordEnv variables are read (the environment). */
  setupEnv: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_DATABASE = 'data/tsunagi.db';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevelOf(env: NodeJS.ProcessEnv): LogLevel {
  const given = env.TSUNAGI_LOG_LEVEL;
  if (given === undefined || given === '') return env.TSUNAGI_LOG_REQUESTS === '1' ? 'info' : 'warn';
  if ((LOG_LEVELS as readonly string[]).includes(given)) return given as LogLevel;
  throw new Error(`TSUNAGI_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${given}'`);
}

export interface ConfigOverrides {
  port?: string | number;
  host?: string;
  database?: string;
  firstStart?: { setupFile?: string; accessKey?: boolean };
}

function parsePort(value: string | number, source: string): number {
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${source}: '${value}' is not a port number (0-65535)`);
  return port;
}

function bootstrapKey(env: NodeJS.ProcessEnv): Pick<TsunagiConfig, 'bootstrapKey'> {
  const accessKeyId = env.TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID;
  const secretAccessKey = env.TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY;
  if (!accessKeyId !== !secretAccessKey)
    throw new Error(
      'set both TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID and TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY, or neither',
    );
  return accessKeyId && secretAccessKey ? { bootstrapKey: { accessKeyId, secretAccessKey } } : {};
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
    logLevel: logLevelOf(env),
    metrics: env.TSUNAGI_METRICS !== 'off',
    ...(env.TSUNAGI_ADMIN_PASSWORD && { adminPassword: env.TSUNAGI_ADMIN_PASSWORD }),
    ...bootstrapKey(env),
    firstStart: {
      ...(overrides.firstStart?.setupFile !== undefined && { setupFile: overrides.firstStart.setupFile }),
      accessKey: overrides.firstStart?.accessKey ?? false,
    },
    setupEnv: env,
  };
}
