import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'sqlite' | 'postgres';
  version: string;
}

export interface HttpServerOptions {
  health: () => Promise<HealthReport>;
  /** The process's logger (JSON lines); none by default. */
  logger?: FastifyBaseLogger;
  /** A line when each request comes in and one when it is answered, with its id (`reqId`). */
  logRequests?: boolean;
  /** Ids of requests that come without x-request-id (the composition root gives them). */
  requestIds?: () => string;
}

/** The one HTTP server of a Tsunagi process. Later pieces add the Connect API, the agent API and the web app. */
export function buildHttpServer(options: HttpServerOptions): FastifyInstance {
  // Every request has an id: the caller's x-request-id, else a new one; log lines about it carry it as reqId.
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    requestIdHeader: 'x-request-id',
    ...(options.requestIds && { genReqId: options.requestIds }),
    // A URL the router cannot decode (`/connect/%zz`) is refused before any route: under /connect it is still
    // answered as AWS shapes errors, so SDKs read it.
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      if (error.code === 'FST_ERR_BAD_URL' && req.url.startsWith('/connect/'))
        void reply
          .code(400)
          .header('x-amzn-errortype', 'InvalidRequestException')
          .send({ Message: `the path ${req.url} is not validly percent-encoded` });
      else void reply.code(400).send(error);
    },
  });
  app.get('/health', async (_req, reply) => {
    const report = await options.health();
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });
  return app;
}
