import Fastify, { type FastifyInstance } from 'fastify';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'sqlite' | 'postgres';
  version: string;
}

export interface HttpServerOptions {
  health: () => Promise<HealthReport>;
  logger?: boolean;
}

/** The one HTTP server of a Tsunagi process. Later pieces add the Connect API, the agent API and the web app. */
export function buildHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  app.get('/health', async (_req, reply) => {
    const report = await options.health();
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });
  return app;
}
