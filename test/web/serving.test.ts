/** src/app/web.ts without a browser: the pages, the assets' caching, and the page shown when there is no build. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWeb } from '../../src/app/web.js';

describe('registerWeb', () => {
  it('answers every page with index.html (no-cache, CSP) and serves the hashed assets for good', async () => {
    const app = Fastify();
    await registerWeb(app);
    const page = await app.inject('/phone/anything/deeper');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const script = /\/assets\/[^"]+\.js/.exec(page.body)?.[0];
    expect(script).toBeDefined();
    const asset = await app.inject(script ?? '');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await app.inject('/assets/nothing.js')).statusCode).toBe(404);
    expect((await app.inject('/')).headers.location).toBe('/agent');
    await app.close();
  });

  it('says to run npm run build when the app is not built', async () => {
    const app = Fastify();
    await registerWeb(app, { root: '/nonexistent/web/dist' });
    const page = await app.inject('/agent');
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/npm run build/);
    await app.close();
  });
});
