// The timing page fills its tables with well-formed figures (no figure is asserted: they
// depend on the machine), only it loads compromise, the size report counts exactly the files
// the browser fetches for the page and for the widget, both fit the 450 KB budget, and the server compresses them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startServer } from '../../scripts/server.mjs';
import { ARTICLE, ROOT, WWW, openSite, pastePlain, waitForAnalysis, waitForReady } from './harness.mjs';

const run = promisify(execFile);
const REPORT = join(ROOT, 'scripts', 'size_report.py');
const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const COMPROMISE_MAX = 200_000; // the page's default

/** "1,234.5" → 1234.5; anything else → NaN. */
const num = (s) => (/^\d{1,3}(,\d{3})*(\.\d+)?×?$/.test(s) ? Number(s.replace(/[,×]/g, '')) : NaN);

function rows(page, id) {
  return page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
}

/** Same-origin paths requested, '/' as index.html, in order, without repeats. */
function paths(requests, origin) {
  const seen = [];
  for (const u of requests) {
    const url = new URL(u);
    assert.equal(url.origin, origin, `request off the origin: ${u}`);
    const path = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (!seen.includes(path)) seen.push(path);
  }
  return seen;
}

async function reportList(which) {
  const { stdout } = await run('python3', [REPORT, '--list', which], { cwd: ROOT });
  return stdout.trim().split('\n');
}

describe('the timing page', () => {
  test('fills the article, growth and found tables with well-formed figures', { timeout: 10 * 60 * 1000 }, async () => {
    const site = await openSite();
    const { page } = site;
    try {
      // One timed run each and a short warm-up: the test checks the page, not the speed.
      await page.goto(`${site.url}bench.html?runs=1&warm=100`);
      await page.waitForFunction(
        () => ['done', 'error'].includes(document.getElementById('bench-status').dataset.state),
        null,
        { timeout: 9 * 60 * 1000, polling: 500 },
      );
      assert.match(await page.textContent('#bench-status'), /^Done in [\d,.]+ s\.$/);

      const [article, ...more] = await rows(page, 'article-table');
      assert.equal(more.length, 0);
      assert.equal(article.length, 7);
      assert.match(article[0], /^article of 1,\d{3} words$/);
      const [words, bytes, ours, theirs, ratio, faster] = article.slice(1).map(num);
      for (const x of [words, bytes, ours, theirs, ratio, faster]) assert.ok(Number.isFinite(x) && x > 0, article.join(' | '));
      assert.ok(words >= 1000 && words < 1100, `${words} words`);
      assert.ok(Math.abs(ratio - ours / theirs) <= 0.001 + 0.01 * ratio, 'the ratio is of the two medians');
      assert.ok(Math.abs(faster - theirs / ours) <= 0.05 + 0.01 * faster, 'and so is "faster by"');

      const growth = await rows(page, 'growth-table');
      assert.equal(growth.length, SIZES.length);
      growth.forEach((row, i) => {
        assert.equal(row.length, 7);
        const b = num(row[0]);
        assert.ok(b >= SIZES[i] && b < SIZES[i] + 400, `row ${i}: ${b} bytes (just over the size: one paragraph at most)`);
        for (const cell of row.slice(1, 4)) assert.ok(num(cell) > 0, `Précis cells: ${row.join(' | ')}`);
        const timed = b <= COMPROMISE_MAX;
        for (const cell of row.slice(4)) {
          if (timed) assert.ok(num(cell) > 0, `compromise cells: ${row.join(' | ')}`);
          else assert.equal(cell, 'not run', `over the limit: ${row.join(' | ')}`);
        }
      });
      assert.ok(growth.filter((r) => r[4] !== 'not run').length >= 3, 'compromise is timed up to 100 KB');

      const found = await rows(page, 'found-table');
      assert.equal(found.length, 1 + SIZES.length);
      for (const row of found) {
        for (const cell of row.slice(1, 4)) assert.ok(Number(cell) > 0, `Précis found something: ${row.join(' | ')}`);
      }

      // The raw figures are the ones in the tables.
      const json = JSON.parse(await page.textContent('#bench-json'));
      assert.equal(json.growth.length, SIZES.length);
      assert.equal(json.article.runs, 1);
      assert.equal(json.article.words, words);
      assert.equal(json.compromiseVersion, '14.17.0');

      const loaded = paths(site.requests, site.origin);
      assert.ok(loaded.includes('bench-lib/compromise.mjs'));
      assert.deepEqual(site.errors, []);
    } finally {
      await site.close();
    }
  });
});

const report = JSON.parse((await run('python3', [REPORT, '--json'], { cwd: ROOT, maxBuffer: 1 << 24 })).stdout);

describe('what is downloaded', () => {
  test('the page never loads compromise; the size report lists exactly what it loads', async () => {
    const site = await openSite();
    const { page } = site;
    try {
      await page.goto(site.url);
      await waitForReady(page);
      await pastePlain(page, ARTICLE);
      await waitForAnalysis(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const loaded = paths(site.requests, site.origin);
      assert.ok(!loaded.some((p) => p.includes('compromise') || p.startsWith('bench')), loaded.join(' '));
      assert.deepEqual([...loaded].sort(), [...(await reportList('page'))].sort());
      assert.deepEqual(site.errors, []);
    } finally {
      await site.close();
    }
  });

  test('the widget: the size report lists what it loads besides its host page', async () => {
    const site = await openSite();
    const { page } = site;
    try {
      await page.goto(`${site.url}widget.html`);
      await page.waitForFunction(() => performance.getEntriesByType('resource').length > 0);
      // The module is the last thing the widget fetches (widget.js → worker.js → pkg/).
      for (let i = 0; i < 300 && !site.requests.some((u) => u.endsWith('.wasm')); i++) await page.waitForTimeout(100);
      await page.waitForLoadState('networkidle');
      const host = await page.evaluate(() => [
        location.pathname.slice(1),
        ...[...document.querySelectorAll('link[href]')].map((l) => new URL(l.href).pathname.slice(1)),
      ]);
      const loaded = paths(site.requests, site.origin).filter((p) => !host.includes(p));
      assert.deepEqual([...loaded].sort(), [...(await reportList('widget'))].sort());
    } finally {
      await site.close();
    }
  });

  test('the server compresses what it sends and answers 304 to a known ETag', async () => {
    const { server, url } = await startServer({ root: WWW });
    try {
      const wasm = await readFile(join(WWW, 'pkg', 'precis_bg.wasm'));
      const hasBr = existsSync(join(WWW, 'pkg', 'precis_bg.wasm.br'));
      const cases = [
        ['gzip, deflate, br, zstd', hasBr ? 'br' : 'gzip'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=0.5', 'gzip'],
        ['identity', null],
      ];
      for (const [accept, coding] of cases) {
        const res = await fetch(`${url}pkg/precis_bg.wasm`, { headers: { 'accept-encoding': accept } });
        assert.equal(res.headers.get('content-encoding'), coding, accept);
        assert.equal(res.headers.get('content-type'), 'application/wasm');
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(wasm), `${accept}: the same bytes once decoded`);
        const again = await fetch(`${url}pkg/precis_bg.wasm`, {
          headers: { 'accept-encoding': accept, 'if-none-match': res.headers.get('etag') },
        });
        assert.equal(again.status, 304, accept);
      }
    } finally {
      server.close();
    }
  });

  // About 23 KB of the gzip download: a `{}` of an f32/f64 or a str::parse::<f32> on the wasm
  // path brings core's float code and its tables back (src/decimal.rs says how to avoid it).
  test(
    "core's float printing and parsing stay out of the module",
    { skip: report.wasm.skipped && `no split of the module: ${report.wasm.skipped}` },
    () => {
      assert.ok(report.wasm.largest.length > 0, 'the split names functions');
      assert.deepEqual(report.wasm.float_code, {});
    },
  );

  test('the page and the widget, gzip -9, are within the 450 KB budget', () => {
    assert.equal(report.budget, 450 * 1024);
    for (const which of ['page', 'widget']) {
      const r = report[which];
      const wasm = r.files.find((f) => f.file === 'pkg/precis_bg.wasm');
      assert.ok(wasm && wasm.gzip > 100_000, `${which}: the module is counted`);
      assert.equal(r.gzip, r.files.reduce((n, f) => n + f.gzip, 0), `${which}: the total is the sum of the files`);
      assert.ok(r.gzip <= report.budget, `${which}: ${r.gzip} bytes gzip -9, over the budget: see target/size-report.txt`);
    }
  });
});
