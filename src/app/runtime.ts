import { createRequire } from 'node:module';
import { SystemClock, systemEntropy, uuidIds, type Clock, type IdGenerator } from '../core/index.js';
import { openStore } from '../store/kysely/index.js';
import type { Instance, Store } from '../store/ports/index.js';
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream } from 'pino';
import { buildHttpServer } from '../api/http-server.js';
import { createServices, type Services } from './services.js';
import { Engine } from '../contacts/engine.js';
import { LambdaRegistry } from './lambda.js';
import { loadMasterKey } from './master-key.js';
import { accessKeyService, type AccessKeyService } from '../access/access-keys.js';
import { aesGcmSecretBox } from '../access/secret-box.js';
import { SignalRelay } from '../api/signalling.js';
import { registerApis } from './http.js';
import { registerWeb } from './web.js';
import { TsunagiMetrics } from './metrics.js';
import { ensureAdministrator, ensureDefaultInstance } from './administrator.js';
import { setUpFirstStart, type FirstStartResult } from '../setup/first-start.js';
import type { TsunagiConfig } from './config.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface Tsunagi {
  store: Store;
  services: Services;
  /** Live contacts, agents, routing and timers: every instance's command loop. */
  engine: Engine;
  /** The functions InvokeLambdaFunction blocks call, by ARN or name. */
  lambdas: LambdaRegistry;
  /** API access keys (SigV4): create, list, revoke. */
  accessKeys: AccessKeyService;
  defaultInstance: Instance;
  /** The built-in administrator; its password is set only on the start that created it (print it once). */
  administrator: { userId: string; password?: string };
  /** The address the HTTP server listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The Prometheus registry served at GET /metrics. */
  metrics: TsunagiMetrics;
  /** True when this start created the default instance (the first start on this database). */
  firstStart: boolean;
  /**
   * What the first start set up as configured (`config.firstStart`): the setup file's report (with the
   * passwords it made up) and the administrator's access key. Only on the first start: print it once.
   */
  firstStartResult?: FirstStartResult;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Where the built web app is (web/dist by default). */
  webRoot?: string;
  /** Where the JSON log lines go (standard output by default). */
  logStream?: DestinationStream;
}

/** The composition root: opens the store, wires the services, starts the HTTP server. */
export async function startTsunagi(config: TsunagiConfig, options: StartOptions = {}): Promise<Tsunagi> {
  const store = await openStore({ database: config.database, arns: config.arns });
  const deps = {
    store,
    clock: options.clock ?? new SystemClock(),
    ids: options.ids ?? uuidIds(systemEntropy),
    arns: config.arns,
    limits: config.limits,
  };
  const services = createServices(deps);
  const lambdas = new LambdaRegistry();
  const metrics = new TsunagiMetrics();
  const log = pino(
    { level: config.logLevel, base: { service: 'tsunagi' } },
    options.logStream ?? pino.destination(1),
  );
  const engine = new Engine(
    { ...deps, clock: metrics.timed(deps.clock) },
    { lambdas, log: { error: (fields, message) => log.error(fields, message) } },
  );
  metrics.watch(engine, store, { clock: deps.clock, offerTimeoutMs: config.limits.offerTimeoutMs });
  const accessKeys = accessKeyService(
    { store, clock: deps.clock },
    { secretBox: aesGcmSecretBox(loadMasterKey(config)) },
  );
  const { instance, created } = await ensureDefaultInstance(services, config.defaultInstanceAlias);
  const administrator = await ensureAdministrator(services, instance.Id, {
    ...(config.adminPassword !== undefined && { password: config.adminPassword }),
    entropy: systemEntropy,
  });
  const firstStartResult = created
    ? await setUpFirstStart(
        { services, store, instanceId: instance.Id, accessKeys, administratorId: administrator.userId },
        {
          ...(config.firstStart.setupFile !== undefined && { setupFile: config.firstStart.setupFile }),
          accessKey: config.firstStart.accessKey && !config.bootstrapKey,
          env: config.setupEnv,
        },
      )
    : undefined;
  if (config.bootstrapKey) {
    const outcome = await accessKeys.ensureBootstrap(
      instance.Id,
      administrator.userId,
      config.bootstrapKey.accessKeyId,
      config.bootstrapKey.secretAccessKey,
    );
    if (outcome === 'revoked')
      console.warn(
        `the bootstrap access key ${config.bootstrapKey.accessKeyId} was revoked: it stays revoked`,
      );
  }
  // The default instance's loop starts now: what fell due while Tsunagi was down is delivered at once.
  await engine.instance(instance.Id);
  const http = buildHttpServer({
    logger: log,
    logRequests: config.logRequests,
    requestIds: randomUUID,
    health: async () => {
      await services.instances.describe(instance.Id);
      return { status: 'ok', database: store.kind, version };
    },
  });
  if (config.metrics) metrics.register(http);
  try {
    await registerApis(
      http,
      {
        services,
        engine,
        store,
        clock: deps.clock,
        instanceId: instance.Id,
        signalling: new SignalRelay(),
      },
      {
        accessKeys,
        arns: config.arns,
        offerTimeoutMs: config.limits.offerTimeoutMs,
        webPhoneCalls: config.limits.webPhoneCallsAtOnce,
      },
    );
    await registerWeb(http, options.webRoot ? { root: options.webRoot } : {});
    await http.listen({ port: config.port, host: config.host });
  } catch (e) {
    metrics.close();
    await engine.stop();
    await store.close();
    throw e;
  }
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    store,
    services,
    engine,
    lambdas,
    accessKeys,
    metrics,
    defaultInstance: instance,
    administrator,
    url: `http://${host}:${port}`,
    firstStart: created,
    ...(firstStartResult && { firstStartResult }),
    async close() {
      await http.close();
      metrics.close();
      await engine.stop();
      await store.close();
    },
  };
}
