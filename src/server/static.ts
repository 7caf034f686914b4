import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the web app: web/dist at the package root (from src/server or dist/server). */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/**
 * Whether a request that matched no route is a browser opening a page (a mistyped or stale link):
 * it gets the web app, which shows its own "not found" page, rather than the API's JSON error.
 * API paths, and fetches of files (scripts, tiles, JSON) that do not ask for HTML, keep the JSON 404.
 */
export function wantsAppPage(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  return (accept ?? '').includes('text/html');
}

/** The web app's page, read at each call: a rebuilt web app has new asset names. */
export function appPage(root = WEB_DIST): Buffer {
  return readFileSync(join(root, 'index.html'));
}

/** Client-side routes of the web app: each answers with index.html and the app picks the page. */
const APP_ROUTES = ['/', '/login', '/review', '/incidents/:id'];

/**
 * The browser UI as static files, next to the API. Optional: an API-only install (or a checkout
 * that has not run `npm run build`) serves the API alone.
 *
 * The map works offline; online deployments may set VIGIL_TILE_URL (an XYZ raster template,
 * e.g. https://tile.example.org/{z}/{x}/{y}.png) and VIGIL_TILE_ATTRIBUTION to add a tile layer.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, so unknown paths (and every /api path) still reach the JSON 404.
    wildcard: false,
    index: false,
    dotfiles: 'ignore',
    preCompressed: true,
    // Basemap tiles (thousands of small files) are served by the route below: a route per file
    // added seconds to every start.
    globIgnore: ['**/*.map', 'basemap/tiles/**'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Vite puts a content hash in every asset name, so those never change; the rest may.
      reply.header(
        'cache-control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  for (const url of APP_ROUTES)
    app.get(url, { schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', root),
    );
  // Basemap tiles are built only where there is land or a border (web/scripts/build-basemap.ts):
  // any other tile is empty, which MapLibre reads as an empty tile rather than a failed one.
  app.get<{ Params: { z: string; x: string; y: string } }>(
    '/basemap/tiles/:z/:x/:y',
    { schema: { hide: true } },
    (req, reply) => {
      const { z, x, y } = req.params;
      if (!/^\d+$/.test(z) || !/^\d+$/.test(x) || !/^\d+\.pbf$/.test(y)) return reply.callNotFound();
      const file = `basemap/tiles/${z}/${x}/${y}`;
      reply.type('application/x-protobuf');
      if (existsSync(join(root, file))) return reply.sendFile(file, root);
      return reply.header('cache-control', 'no-cache').send(Buffer.alloc(0));
    },
  );
  app.get('/app-config.json', { schema: { hide: true } }, async () => ({
    tileUrl: process.env.VIGIL_TILE_URL || null,
    tileAttribution: process.env.VIGIL_TILE_ATTRIBUTION || null,
  }));
  return true;
}
