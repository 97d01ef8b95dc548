// A tiny static file server for www/: 127.0.0.1 only, GET/HEAD only, the right content type
// for .wasm (application/wasm, needed by WebAssembly.instantiateStreaming), and the page's
// Content-Security-Policy sent as a header too, so that it also covers the worker (a meta tag
// only covers the document). Text and wasm go out compressed to clients that accept it: as
// FILE.br when the build wrote one (scripts/precompress.mjs) and it is not older than FILE,
// otherwise gzip level 9 (kept in memory until the file changes). Every file carries an ETag,
// so a return visit revalidates with a 304 instead of downloading again.
//
//   node scripts/server.mjs [--port N] [--root DIR]      (port 0 picks a free one)
//
// Imported by the end-to-end tests as `startServer({ root, port })`.
import { createServer } from 'node:http';
import { gzipSync, constants as zlib } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing (images other than SVG already are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);
/** Smaller files gain too little from gzip to pay for its header. */
const MIN_GZIP_BYTES = 512;

/** file path → { key, gz }: the gzip body of the file version identified by key. */
const gzipped = new Map();

function gzipOf(file, key, body) {
  const hit = gzipped.get(file);
  if (hit && hit.key === key) return hit.gz;
  const gz = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION });
  gzipped.set(file, { key, gz });
  return gz;
}

/** Whether the request's Accept-Encoding allows `coding` (listed, and not with q=0). */
const accepts = (req, coding) =>
  new RegExp(`(^|,)\\s*${coding}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`, 'i').test(
    req.headers['accept-encoding'] ?? '',
  );

/** The stat of FILE.br when it exists and is not older than FILE, else null. */
async function brotliOf(file, info) {
  try {
    const br = await stat(`${file}.br`);
    return br.isFile() && br.mtimeMs >= info.mtimeMs ? br : null;
  } catch {
    return null;
  }
}

/** Starts serving `root`; resolves to { server, url } once listening. */
export function startServer({ root, port = 0, host = '127.0.0.1', log = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden\n');
    try {
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'not found\n');
      const key = `${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}`;
      const ext = extname(file);
      const compressible = COMPRESSIBLE.has(ext) && info.size >= MIN_GZIP_BYTES;
      const br = compressible && accepts(req, 'br') ? await brotliOf(file, info) : null;
      const gzip = compressible && !br && accepts(req, 'gzip');
      const coding = br ? 'br' : gzip ? 'gzip' : '';
      const etag = `"${key}${br ? '-br' : gzip ? '-gz' : ''}"`;
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        // no-cache: the browser keeps the file but asks each time; the ETag makes that a 304.
        'Cache-Control': 'no-cache',
        // Public files: a page on another origin may load the widget (module scripts, its
        // worker's imports and the .wasm are all fetched in CORS mode).
        'Access-Control-Allow-Origin': '*',
        ETag: etag,
      };
      if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
      const match = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (match.includes(etag)) {
        res.writeHead(304, headers);
        res.end();
        if (log) console.log(`${req.method} ${path} 304`);
        return;
      }
      let body = await readFile(br ? `${file}.br` : file);
      if (gzip) body = gzipOf(file, key, body);
      if (coding) headers['Content-Encoding'] = coding;
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${path} 200 ${coding}`.trimEnd());
    } catch {
      send(404, 'not found\n');
      if (log) console.log(`${req.method} ${path} 404`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      ok({ server, url: `http://${host}:${bound}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = opt('--root', join(here, '..', 'www'));
  const port = Number(opt('--port', process.env.PORT ?? 8080));
  const { url } = await startServer({ root, port, log: true });
  console.log(`Précis is served at ${url} (Ctrl-C stops)`);
}
