// Runs the timing page (www/bench.html) in headless Chromium and prints its tables and the raw
// figures: the way to get the browser figures from a shell. Build first (scripts/build.sh).
//
//   node scripts/bench_page.mjs [QUERY]        e.g. node scripts/bench_page.mjs '?runs=11'
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('../www/', import.meta.url));
const query = process.argv[2] ?? '';
const { server, url } = await startServer({ root });
const profile = await mkdtemp(join(tmpdir(), 'precis-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.PRECIS_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  await page.goto(`${url}bench.html${query}`);
  let last = '';
  for (;;) {
    const [text, state] = await page.$eval('#bench-status', (n) => [n.textContent, n.dataset.state]);
    if (text !== last) process.stderr.write(`${text}\n`);
    last = text;
    if (state === 'done' || state === 'error') break;
    await page.waitForTimeout(500);
  }
  console.log(await page.textContent('#bench-env'));
  for (const id of ['article-table', 'growth-table', 'found-table']) {
    console.log(`\n${await page.$eval(`#${id}`, (t) => t.innerText)}`);
  }
  console.log(`\n${await page.textContent('#bench-json')}`);
  if (last.startsWith('The timing failed')) process.exitCode = 1;
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
