/**
 * The web app (web/, built by `npm run build` into web/dist) on Tsunagi's HTTP server: its pages /agent,
 * /console and /phone (every path under them answers index.html, the app routes by path), its files under
 * /assets/, and `/` redirecting to /agent. Without a build, those pages answer a plain page saying so.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_PAGES = ['/agent', '/console', '/phone'] as const;

/** web/dist from src/app (tsx, vitest) and from dist/app (the build) alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface WebOptions {
  /** The built app (index.html and assets/); web/dist by default. */
  root?: string;
}

/**
 * What the pages may load: only this server's scripts, styles and connections (the APIs, the WebSockets);
 * links to references open elsewhere, without a referrer.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

const MISSING_BUILD =
  'The web app is not built. Run `npm run build` in the Tsunagi directory, then restart Tsunagi.\n';

export async function registerWeb(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  app.get('/', (_req, reply) => reply.redirect('/agent'));
  const built = existsSync(join(root, 'index.html'));
  let page: (reply: FastifyReply) => FastifyReply;
  if (built) {
    await app.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      wildcard: true,
      index: false,
      // The files' names change with their content: they may be kept for good.
      immutable: true,
      maxAge: '365d',
    });
    page = (reply) => reply.headers(PAGE_HEADERS).sendFile('index.html', root, { cacheControl: false });
  } else {
    page = (reply) => reply.code(503).type('text/plain; charset=utf-8').send(MISSING_BUILD);
  }
  for (const path of WEB_PAGES) {
    app.get(path, (_req, reply) => page(reply));
    app.get(`${path}/*`, (_req, reply) => page(reply));
  }
}
