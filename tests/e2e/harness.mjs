// Shared set-up of the end-to-end tests: the static server on www/, a fresh headless Chromium
// driven by playwright-core, and a record of every request and console error.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = join(ROOT, 'www');
export const CHROMIUM = process.env.PRECIS_CHROMIUM || '/usr/bin/chromium';

/** The test article, written for these tests (not taken from any data set). */
export const ARTICLE = await readFile(new URL('./article.txt', import.meta.url), 'utf8');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Belt and braces: even if the page tried, no name but the test server resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Serves www/ and opens a fresh browser profile. Returns the page, the server (to stop it,
 * as a lost connection), its origin and the lists `requests` (URLs: page, workers and service
 * worker) and `errors` (console errors, page errors).
 * `close()` tears it all down; call it from `after`/`finally`.
 */
export async function openSite({ route } = {}) {
  if (!existsSync(join(WWW, 'pkg', 'precis_bg.wasm'))) {
    throw new Error('www/pkg is missing: build first (scripts/build.sh, or scripts/test.sh does it all)');
  }
  const { server, url } = await startServer({ root: WWW });
  const profile = await mkdtemp(join(tmpdir(), 'precis-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (source) => {
    source.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  watch(page);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => watch(w));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (route) await route(context);
  return {
    page,
    context,
    server,
    url,
    origin: new URL(url).origin,
    requests,
    errors,
    async close() {
      await context.close().catch(() => {});
      await new Promise((ok) => server.close(ok));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the status line says an analysis is shown, and returns the status text. */
export async function waitForAnalysis(page, timeout = 30000) {
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysed'), null, {
    timeout,
  });
  return page.textContent('#status');
}

/** Waits until the analyser has loaded (status no longer says loading). */
export async function waitForReady(page, timeout = 30000) {
  await page.waitForFunction(() => !document.getElementById('status').textContent.startsWith('Loading'), null, {
    timeout,
  });
}

/** Waits until the `<precis-summary>` matched by `selector` in `scope` (a page or a frame) says it has summarised. */
export function widgetSummarised(scope, selector = 'precis-summary', timeout = 30000) {
  return scope.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('.status')?.textContent.startsWith('Summarised'),
    selector,
    { timeout },
  );
}

/**
 * Opens the site at `path` and waits with `ready` (the page's analyser by default) before
 * returning it; `onPage` runs on the new page before it loads (to listen for workers, say).
 */
export async function openAt(path = '', { ready = waitForReady, onPage } = {}) {
  const site = await openSite();
  onPage?.(site.page);
  await site.page.goto(`${site.url}${path}`);
  await ready(site.page);
  return site;
}

/** Pastes plain text the way a user does: through the system clipboard and Ctrl+V. */
export async function pastePlain(page, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#text');
  await page.keyboard.press('Control+V');
}

/**
 * Pastes clipboard data with a text/html part. A synthetic paste event carries the HTML
 * exactly as given (the async clipboard API would sanitise it first, hiding what we test).
 */
export async function pasteHtml(page, html, plain) {
  await page.focus('#text');
  await page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', p);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.getElementById('text').dispatchEvent(event);
    },
    [html, plain],
  );
}

/** The visible texts of the elements matching `selector`. */
export function texts(page, selector) {
  return page.$$eval(selector, (nodes) => nodes.map((n) => n.innerText.trim()));
}

/** [text, class] of every highlighted piece in the text view. */
export function marks(page) {
  return page.$$eval('#view mark', (nodes) => nodes.map((n) => [n.textContent, n.className]));
}
