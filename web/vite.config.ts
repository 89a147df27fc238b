/**
 * The web app's build: one page (index.html) whose script routes by path (/agent, /console, /phone), built into
 * web/dist. Run from the repository's root (`npm run build`); Tsunagi serves web/dist (src/app/web.ts).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
});
