// A long text on the real page: the analysis runs in the worker while typing goes on, shows
// its size and a running clock, and can be cancelled (its worker replaced, the text kept).
// And the offline copy: after one visit, the page loads and analyses with the server gone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { article } from '../../www/bench-text.js';
import { ARTICLE, openAt, openSite, pastePlain, waitForAnalysis, waitForReady } from './harness.mjs';

const BIG = article(1_000_000, 3);

/** Sets the box's text in one go (fill() types 1 MB too slowly) and fires its input event. */
const setText = (page, text) =>
  page.evaluate((t) => {
    const box = document.getElementById('text');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);

/** Waits for the analysis of a text of exactly `length` characters to be shown. */
const analysedLength = (page, length, timeout = 30000) =>
  page.waitForFunction(
    (n) => document.getElementById('status').textContent.startsWith(`Analysed ${n.toLocaleString('en')} characters`),
    length,
    { timeout },
  );

/** Records, in the page, every status text shown and every input event with the status then. */
function record(page) {
  return page.evaluate(() => {
    const status = document.getElementById('status');
    window.seen = { statuses: [], inputs: [] };
    new MutationObserver(() => window.seen.statuses.push(status.textContent)).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    document.getElementById('text').addEventListener('input', (e) => {
      window.seen.inputs.push({ data: e.data, busy: status.classList.contains('busy'), status: status.textContent });
    });
  });
}

describe('a 1 MB paste', () => {
  let site;
  let page;
  const workers = [];

  before(async () => {
    site = await openAt('', { onPage: (p) => p.on('worker', (w) => workers.push(w)) });
    page = site.page;
    await record(page);
  });

  after(async () => {
    await site?.close();
  });

  test('shows its size and a running clock, takes typing meanwhile, and can be cancelled', { timeout: 120000 }, async () => {
    await pastePlain(page, BIG);
    await page.waitForSelector('#cancel', { state: 'visible' });
    const kb = Math.round(Buffer.byteLength(BIG) / 1024).toLocaleString('en');
    const progress = new RegExp(`^Analysing ${kb} KB… \\d+\\.\\d s$`);
    assert.match(await page.textContent('#status'), progress);

    // Typing while the worker is busy: each key reaches the box and its input handler at once.
    await page.keyboard.press('End');
    await page.keyboard.type('Z');
    await page.waitForTimeout(300); // past the debounce: the edited text is being analysed
    await page.keyboard.type('Y');
    const seen = await page.evaluate(() => window.seen);
    const typed = seen.inputs.filter((i) => i.data === 'Z' || i.data === 'Y');
    assert.equal(typed.length, 2, JSON.stringify(typed));
    assert.ok(typed.some((i) => i.busy && progress.test(i.status)), `a key handled during an analysis: ${JSON.stringify(typed)}`);
    assert.ok((await page.inputValue('#text')).endsWith('ZY'));

    await page.click('#cancel');
    assert.match(await page.textContent('#status'), /^Analysis cancelled\. Your text is kept/);
    assert.ok(await page.isHidden('#cancel'));
    assert.equal(await page.inputValue('#text'), `${BIG}ZY`, 'the text is kept');
    const clocks = new Set(
      (await page.evaluate(() => window.seen.statuses)).filter((s) => progress.test(s)).map((s) => s.split('… ')[1]),
    );
    assert.ok(clocks.size >= 2, `the clock ran: ${[...clocks].join(', ')}`);
    for (let i = 0; i < 100 && workers.length < 2; i++) await page.waitForTimeout(50);
    assert.ok(workers.length >= 2, 'a fresh worker was started');

    // The page still answers (the focus went back to the box), and the fresh worker analyses
    // the whole text on the next edit.
    await page.keyboard.type('.');
    // the keystroke reaches a 1 MB box a moment later on a loaded machine: wait for it, then compare whole
    await page.waitForFunction(() => document.getElementById('text').value.endsWith('ZY.'), null, { timeout: 30000 });
    assert.equal(await page.inputValue('#text'), `${BIG}ZY.`);
    await analysedLength(page, BIG.length + 3, 60000);
    assert.ok(await page.isHidden('#cancel'));
    assert.deepEqual(site.errors, []);
  });

  test('Escape in the box cancels too, and a short text never shows Cancel at once', async () => {
    await setText(page, `${BIG} Again.`);
    await page.waitForSelector('#cancel', { state: 'visible' });
    await page.focus('#text');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysis cancelled'));
    await page.evaluate(() => (window.seen.cancelShown = false));
    await page.evaluate(() => {
      const cancel = document.getElementById('cancel');
      new MutationObserver(() => (window.seen.cancelShown ||= !cancel.hidden)).observe(cancel, { attributes: true });
    });
    await page.fill('#text', ARTICLE);
    await analysedLength(page, ARTICLE.length);
    assert.equal(await page.evaluate(() => window.seen.cancelShown), false, 'Cancel stays hidden for a quick analysis');
    assert.deepEqual(site.errors, []);
  });
});

describe('the offline copy', () => {
  test('after one visit, the page loads and analyses with the network and the server gone', { timeout: 60000 }, async () => {
    const site = await openSite();
    const { page, context } = site;
    try {
      await page.goto(site.url);
      await waitForReady(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.fill('#text', ARTICLE);
      await waitForAnalysis(page);

      await context.setOffline(true);
      site.server.closeAllConnections();
      await new Promise((ok) => site.server.close(ok));
      await page.reload();
      assert.equal(await page.inputValue('#text'), ARTICLE, 'the text came back from storage');
      await waitForAnalysis(page);
      assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'served by sw.js');
      // A new edit is analysed too: the module runs from the copy.
      const edit = 'Offline, Mara Lindqvist said the bridge in Tromsø would open “next spring”.';
      await page.fill('#text', edit);
      await analysedLength(page, edit.length);
      // The copy is served under the same policy as the page.
      const csp = await page.evaluate(async () => (await fetch('pkg/precis.js')).headers.get('content-security-policy'));
      assert.match(csp ?? '', /default-src 'self'/);
      assert.deepEqual(site.errors, []);
    } finally {
      await site.close();
    }
  });
});
