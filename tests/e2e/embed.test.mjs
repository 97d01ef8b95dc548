// Embedding from another origin, exactly as www/embed.html says: a host page on one origin, with
// its own strict CSP (the directives the guide lists, nothing more) and styles that would break an
// unscoped widget, loads the widget or the iframe from our origin (www/ on another port).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { ARTICLE, WWW, openSite, widgetSummarised } from './harness.mjs';

const GUIDE = await readFile(join(WWW, 'embed.html'), 'utf8');
const OURS = 'https://precis.example';
const HOST = 'https://news.example';

/** The text of `<code id="…">` in the guide, unescaped: what a reader copies. */
function snippet(id) {
  const m = GUIDE.match(new RegExp(`<code id="${id}">([\\s\\S]*?)</code>`));
  assert.ok(m, `embed.html has #${id}`);
  return m[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Merges CSP directive lists: `base` (the host's own) plus what the guide says to add. */
function mergeCsp(...policies) {
  const merged = new Map();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const list = merged.get(name) ?? [];
      for (const s of sources) if (!list.includes(s)) list.push(s);
      merged.set(name, list);
    }
  }
  return [...merged].map(([name, list]) => [name, ...list].join(' ')).join('; ');
}

// The host's own needs: its stylesheet and, for the lazy page, nothing else.
const HOST_OWN = "default-src 'none'; style-src 'self'";
const JUNK = new Set([
  'Home | World | Business | Sport | Weather',
  'Share this article',
  'Ferry fares set to rise again as fuel prices climb…',
  'Island school wins national award for its…',
  'Sign up for our morning newsletter',
]);
const PARAGRAPHS = ARTICLE.split('\n').filter((l) => l && !JUNK.has(l));
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

// Rules a widget without Shadow DOM would not survive: its class names, its elements hidden,
// every colour and size forced.
const HOST_CSS = `
* { color: rgb(255, 0, 0) !important; font-size: 31px !important; }
aside ol, aside ul, aside li, aside p, aside h2, aside h3, aside button, aside section, aside div { display: none !important; }
.box, .summary, .names, .quotes, .status, .toggle, .body { display: none !important; }
li::before { content: "HOST"; }
button { all: unset; visibility: hidden; }
.spacer { height: 4000px; }
`;

function hostPage({ snippetHtml, spacer = false }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news site</title>
<link rel="stylesheet" href="/host.css"></head>
<body>
<nav>${[...JUNK].map(esc).join(' · ')}</nav>
<article><h1>${esc(PARAGRAPHS[0])}</h1>
<div class="body">${PARAGRAPHS.slice(1)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')}</div></article>
${spacer ? '<div class="spacer"></div>' : ''}
<aside>
${snippetHtml}
</aside>
</body></html>`;
}

/** The host origin: serves each page with its own CSP header. */
function startHost(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/host.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      return res.end(HOST_CSS);
    }
    const page = pages[path];
    if (!page) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp });
    res.end(page.html);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The widget's rendered parts, read through its (open) shadow root. */
const readWidget = (scope) =>
  scope.$eval('precis-summary', (host) => {
    const root = host.shadowRoot;
    const all = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim());
    const li = root.querySelector('.summary li');
    return {
      summary: all('.summary li'),
      names: all('.names p'),
      quotes: all('.quote-list li'),
      status: root.querySelector('.status').textContent,
      display: li && getComputedStyle(li).display,
      color: li && getComputedStyle(li).color,
      fontSize: li && getComputedStyle(li).fontSize,
      before: li && getComputedStyle(li, '::before').content,
    };
  });

function assertShowsTheArticle(w) {
  assert.ok(w.summary.length >= 1, JSON.stringify(w));
  for (const s of w.summary) assert.ok(PARAGRAPHS.some((p) => p.includes(s)), `${s} is from the host's article`);
  assert.ok(w.names.some((n) => n.startsWith('People: ') && n.includes('Agnes Whitlow')), JSON.stringify(w.names));
  assert.ok(w.quotes.some((q) => q.includes('Without the ferry') && q.includes('Agnes Whitlow')), JSON.stringify(w.quotes));
}

describe('embedding from another origin, as the guide says', () => {
  let site; // our origin (www/), and the browser
  let host; // the news site
  let hostOrigin;
  const widgetCsp = () => mergeCsp(HOST_OWN, snippet('csp-widget').replaceAll(OURS, site.origin));
  const frameCsp = () => mergeCsp(HOST_OWN, snippet('csp-frame').replaceAll(OURS, site.origin));
  const fill = (html) => html.replaceAll(OURS, site.origin).replaceAll(HOST, hostOrigin);

  before(async () => {
    site = await openSite();
    const pages = {};
    host = await startHost(pages);
    hostOrigin = `http://127.0.0.1:${host.address().port}`;
    assert.notEqual(hostOrigin, site.origin);
    pages['/widget.html'] = { csp: widgetCsp(), html: hostPage({ snippetHtml: fill(snippet('snippet-widget')) }) };
    pages['/lazy.html'] = { csp: widgetCsp(), html: hostPage({ snippetHtml: fill(snippet('snippet-widget')), spacer: true }) };
    pages['/frame.html'] = { csp: frameCsp(), html: hostPage({ snippetHtml: fill(snippet('snippet-frame')) }) };
    // The same iframe, but the frame is told to trust another origin than this host's.
    const stranger = 'http://127.0.0.1:9';
    pages['/wrong.html'] = {
      csp: frameCsp(),
      html: hostPage({ snippetHtml: fill(snippet('snippet-frame')).replace(`parent=${hostOrigin}`, `parent=${stranger}`) }),
    };
    // Times to the first results, measured in the page (init scripts are not subject to its CSP).
    await site.context.addInitScript(() => {
      document.addEventListener('precis-analysis', (e) => {
        window.__precisFirst ??= performance.now();
        window.__precisMs ??= e.detail.ms;
      });
    });
  });

  after(async () => {
    await site?.close();
    await new Promise((ok) => (host ? host.close(ok) : ok()));
  });

  test('the guide gives least-permission policies', () => {
    assert.doesNotMatch(snippet('csp-widget'), /unsafe-inline|'unsafe-eval'|\*/);
    assert.doesNotMatch(snippet('csp-frame'), /wasm-unsafe-eval|unsafe-inline|unsafe-eval|\*/);
    assert.match(snippet('snippet-widget'), /^<script type="module" src="https:\/\/precis\.example\/widget\.js"><\/script>/);
  });

  test('the widget shows results for the host article, unbroken by the host styles', async (t) => {
    const page = site.page;
    const from = site.requests.length;
    await page.goto(`${hostOrigin}/widget.html`);
    await widgetSummarised(page);
    const w = await readWidget(page);
    assertShowsTheArticle(w);
    assert.equal(w.display, 'list-item');
    assert.notEqual(w.color, 'rgb(255, 0, 0)');
    assert.notEqual(w.fontSize, '31px');
    assert.equal(w.before, 'none');
    assert.ok((await page.evaluate(() => window.__precisFirst)) > 0);

    // What the host downloaded for it, and how fast the first results came.
    const ours = site.requests.slice(from).filter((u) => u.startsWith(site.url));
    const files = [...new Set(ours.map((u) => new URL(u).pathname))];
    let gz = 0;
    for (const f of files) gz += gzipSync(await readFile(join(WWW, f)), { level: 9 }).length;
    const [first, ms] = await page.evaluate(() => [window.__precisFirst, window.__precisMs]);
    t.diagnostic(
      `widget files: ${files.join(' ')}; ${gz} bytes gzip -9; first results ${first.toFixed(0)} ms after navigation, ` +
        `of which the analysis ${ms.toFixed(1)} ms`,
    );
    assert.ok(files.includes('/pkg/precis_bg.wasm'));
  });

  test('the widget loads nothing heavy until it is scrolled near', async () => {
    const page = site.page;
    const from = site.requests.length;
    await page.goto(`${hostOrigin}/lazy.html`);
    await page.waitForFunction(() => customElements.get('precis-summary'));
    await page.waitForTimeout(500);
    const early = site.requests.slice(from);
    assert.ok(!early.some((u) => u.endsWith('.wasm') || u.endsWith('/worker.js')), early.join('\n'));
    assert.equal(await page.evaluate(() => window.__precisFirst), undefined);
    await page.evaluate(() => document.querySelector('precis-summary').scrollIntoView());
    await widgetSummarised(page);
    assertShowsTheArticle(await readWidget(page));
  });

  test('the iframe works under a CSP without wasm-unsafe-eval, and sizes itself', async () => {
    const page = site.page;
    const response = await page.goto(`${hostOrigin}/frame.html`);
    const csp = response.headers()['content-security-policy'];
    assert.doesNotMatch(csp, /wasm-unsafe-eval/);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await widgetSummarised(frame);
    assertShowsTheArticle(await readWidget(frame));
    // frame-host.js sets the height the frame reports (from the host's script: allowed by the CSP).
    await page.waitForFunction(() => Number.parseFloat(document.querySelector('iframe').style.height) > 150);
    const [frameHeight, contentHeight] = await Promise.all([
      page.$eval('iframe', (f) => Number.parseFloat(f.style.height)),
      frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ]);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 1, `${frameHeight} vs ${contentHeight}`);
  });

  test('the iframe ignores text from an origin it was not told to trust', async () => {
    const page = site.page;
    await page.goto(`${hostOrigin}/wrong.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(
      () => document.querySelector('precis-summary')?.shadowRoot?.querySelector('.status')?.textContent === 'Nothing to summarise.',
    );
    await page.evaluate(
      ([origin]) => document.querySelector('iframe').contentWindow.postMessage({ type: 'precis-text', text: 'Ann Lee spoke in Paris.' }, origin),
      [site.origin],
    );
    await page.waitForTimeout(1000);
    const w = await readWidget(frame);
    assert.deepEqual(w.summary, []);
    assert.equal(w.status, 'Nothing to summarise.');
    assert.equal(await page.$eval('iframe', (f) => f.style.height), '', 'no message reached the host');
  });

  test('the guide page: its snippets carry its own address, and both demos work', async () => {
    const page = site.page;
    await page.goto(`${site.url}embed.html`);
    const code = await page.textContent('#snippet-widget');
    assert.ok(code.includes(`src="${site.origin}/widget.js"`), code);
    assert.ok(!(await page.textContent('main')).includes(OURS));
    await page.evaluate(() => document.getElementById('demo').scrollIntoView());
    await widgetSummarised(page);
    const frame = await (await page.waitForSelector('#frame-demo iframe')).contentFrame();
    await widgetSummarised(frame);
    const [a, b] = [await readWidget(page), await readWidget(frame)];
    assert.deepEqual(b.summary, a.summary, 'the iframe shows what the widget shows');
  });

  test('no request left the two origins, and no console error (no CSP violation)', () => {
    const allowed = new Set([site.origin, hostOrigin]);
    for (const u of site.requests) {
      const origin = new URL(u).origin; // blob: URLs carry their creator's origin
      assert.ok(allowed.has(origin), u);
    }
    assert.ok(site.requests.some((u) => u.startsWith('blob:')), 'the widget started its worker from a Blob');
    assert.deepEqual(site.errors, []);
  });
});

describe('every directive the guide lists for the widget is needed', () => {
  let site;
  let host;
  const pages = {};

  before(async () => {
    site = await openSite();
    host = await startHost(pages);
  });

  after(async () => {
    await site?.close();
    await new Promise((ok) => (host ? host.close(ok) : ok()));
  });

  // Which part of the guide's policy to leave out, and how the widget must then fall short.
  const CASES = [
    ['script-src', `'wasm-unsafe-eval'`, 'error'],
    ['connect-src', OURS, 'error'],
    ['worker-src', 'blob:', 'error'],
    ['style-src', OURS, 'unstyled'],
  ];
  for (const [directive, source, outcome] of CASES) {
    test(`without ${source} in ${directive}`, async () => {
      const hostOrigin = `http://127.0.0.1:${host.address().port}`;
      const fill = (text) => text.replaceAll(OURS, site.origin).replaceAll(HOST, hostOrigin);
      const guide = snippet('csp-widget')
        .split(';')
        .map((part) => {
          const [name, ...list] = part.trim().split(/\s+/);
          return name === directive ? [name, ...list.filter((x) => x !== source)].join(' ') : part.trim();
        })
        .join('; ');
      const path = `/without-${directive}.html`;
      pages[path] = { csp: mergeCsp(HOST_OWN, fill(guide)), html: hostPage({ snippetHtml: fill(snippet('snippet-widget')) }) };
      await site.page.goto(hostOrigin + path);
      const status = () =>
        site.page.$eval('precis-summary', (h) => h.shadowRoot.querySelector('.status')?.textContent ?? '');
      if (outcome === 'error') {
        await site.page.waitForFunction(
          () => document.querySelector('precis-summary')?.shadowRoot?.querySelector('.status.error'),
          null,
          { timeout: 30000 },
        );
        assert.match(await status(), /could not be made/);
      } else {
        await widgetSummarised(site.page);
        const border = await site.page.$eval('precis-summary', (h) => getComputedStyle(h.shadowRoot.querySelector('.box')).borderLeftWidth);
        assert.notEqual(border, '4px', 'widget.css is blocked');
      }
      site.errors.length = 0; // the violations the browser logged: expected here
    });
  }
});
