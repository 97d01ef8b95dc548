// The npm package: scripts/package.sh assembles and packs it; installed from the tarball, it is
// imported from Node (the wasm given as bytes) and from a plain page (no bundler), whose worker
// bridge and element work too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/server.mjs';
import { ROOT, openSite, widgetSummarised } from './harness.mjs';

const SAMPLE = 'Ann Lee, the mayor of Tarrow, opened the new library on Monday.\n“It belongs to everyone,” she said.';

describe('the npm package', () => {
  let dir; // a project that installed the tarball
  let tarball;
  let files;

  before(async () => {
    tarball = execFileSync(join(ROOT, 'scripts/package.sh'), ['--no-build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dir = await mkdtemp(join(tmpdir(), 'precis-package-'));
    const installed = join(dir, 'node_modules', 'precis-wasm');
    await mkdir(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(ROOT, tarball), '--strip-components=1', '-C', installed]);
    files = execFileSync('tar', ['-tzf', join(ROOT, tarball)], { encoding: 'utf8' }).trim().split('\n').sort();
    await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('holds the entry, the typings, the module and the bridge, and nothing else', async () => {
    assert.deepEqual(files, [
      'package/README.md',
      'package/analyser.js',
      'package/index.d.ts',
      'package/index.js',
      'package/package.json',
      'package/pkg/precis.d.ts',
      'package/pkg/precis.js',
      'package/pkg/precis_bg.wasm',
      'package/pkg/precis_bg.wasm.d.ts',
      'package/widget.css',
      'package/widget.d.ts',
      'package/widget.js',
      'package/worker.js',
    ]);
    const pkg = JSON.parse(await readFile(join(dir, 'node_modules/precis-wasm/package.json'), 'utf8'));
    const crate = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
    assert.equal(pkg.version, crate.match(/^version = "(.+)"/m)[1], 'the crate version');
    assert.equal(pkg.name, 'precis-wasm');
    const types = await readFile(join(dir, 'node_modules/precis-wasm/index.d.ts'), 'utf8');
    for (const name of ['init', 'initSync', 'analyze', 'analyzeHtml', 'createAnalyser', 'interface Analysis']) {
      assert.match(types, new RegExp(`\\b${name}\\b`), name);
    }
  });

  test('Node: initSync with the bytes, then analyze (as the package README says)', () => {
    const script = `
      import { readFile } from 'node:fs/promises';
      import { initSync, analyze, analyzeHtml, version, createAnalyser } from 'precis-wasm';
      initSync({ module: await readFile(new URL(import.meta.resolve('precis-wasm/precis_bg.wasm'))) });
      const text = ${JSON.stringify(SAMPLE)};
      const a = analyze(text, 1);
      console.log(JSON.stringify({
        readme: analyze('“Yes,” said Ann Lee in Paris.').quotes[0].speaker.name,
        version: version(),
        summary: a.summary.length,
        names: a.entities.map((e) => e.name),
        quote: a.quotes.map((q) => [text.slice(q.start, q.end), q.speaker && q.speaker.name]),
        html: analyzeHtml('<p>One.</p><p>Two.</p>').text,
        bridge: typeof createAnalyser,
      }));`;
    const out = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }));
    assert.equal(out.readme, 'Ann Lee');
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.equal(out.summary, 1);
    assert.ok(out.names.includes('Ann Lee') && out.names.includes('Tarrow'), JSON.stringify(out));
    assert.deepEqual(out.quote, [['It belongs to everyone,', 'Ann Lee']]);
    assert.equal(out.html, 'One.\nTwo.');
    assert.equal(out.bridge, 'function');
  });

  test('Node: the default export takes the bytes too', () => {
    const script = `
      import { readFile } from 'node:fs/promises';
      import init, { analyze } from 'precis-wasm';
      await init({ module_or_path: await readFile(new URL(import.meta.resolve('precis-wasm/precis_bg.wasm'))) });
      console.log(analyze('Ann Lee spoke in Paris.').entities.length);`;
    assert.equal(execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }).trim(), '2');
  });

  test('a plain page: init + analyze, the worker bridge and the element, under a strict CSP', async () => {
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title>
<script type="module" src="main.js"></script></head>
<body><article><p>Ann Lee, the mayor of Tarrow, opened the new library on Monday.</p>
<p>“It belongs to everyone,” she said.</p></article>
<precis-summary for="article"></precis-summary><pre id="out"></pre></body></html>`,
    );
    await writeFile(
      join(dir, 'main.js'),
      `import init, { analyze, createAnalyser } from './node_modules/precis-wasm/index.js';
import './node_modules/precis-wasm/widget.js';
const text = document.querySelector('article').innerText;
await init();
const direct = analyze(text).entities.map((e) => e.name);
const analyser = createAnalyser({
  onReady: () => analyser.analyze(text),
  onAnalysis: (a) => {
    document.getElementById('out').textContent = JSON.stringify({ direct, worker: a.entities.map((e) => e.name) });
  },
});
analyser.start();
`,
    );
    await writeFile(join(dir, 'favicon.ico'), ''); // the browser asks for it
    const site = await openSite();
    const { server, url } = await startServer({ root: dir });
    try {
      await site.page.goto(`${url}index.html`);
      await site.page.waitForFunction(() => document.getElementById('out').textContent, null, { timeout: 30000 });
      const out = JSON.parse(await site.page.textContent('#out'));
      assert.ok(out.direct.includes('Ann Lee'), JSON.stringify(out));
      assert.deepEqual(out.worker, out.direct);
      await widgetSummarised(site.page);
      assert.deepEqual(site.errors, []);
    } finally {
      await site.close();
      await new Promise((ok) => server.close(ok));
    }
  });
});
