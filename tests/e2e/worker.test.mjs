// The worker in the browser: a crash is reported and the worker replaced, with the text kept.
// (The request-id protocol itself is tested with a scripted worker in analyser.test.mjs.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ARTICLE, openAt, texts, waitForAnalysis } from './harness.mjs';

describe('the analysis worker', () => {
  let site;
  let page;
  const workers = [];

  before(async () => {
    site = await openAt('', { onPage: (p) => p.on('worker', (w) => workers.push(w)) });
    page = site.page;
  });

  after(async () => {
    await site?.close();
  });

  test('a crashed worker is replaced, the text kept, and the next edit analysed', async () => {
    await page.fill('#text', ARTICLE);
    await waitForAnalysis(page);
    assert.equal(workers.length, 1);
    // An uncaught error inside the worker, as a bug would raise.
    await workers[0].evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      });
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('The analyser stopped'));
    assert.match(await page.textContent('#status'), /simulated crash.*restarted; your text is kept/);
    assert.equal(await page.inputValue('#text'), ARTICLE);
    await page.waitForFunction(() => document.getElementById('status').className.includes('error'));
    for (let i = 0; i < 100 && workers.length < 2; i++) await page.waitForTimeout(50);
    assert.equal(workers.length, 2, 'a new worker was started');
    // The next edit is analysed by the new worker.
    await page.focus('#text');
    await page.keyboard.press('End');
    await page.keyboard.type(' The ferry leaves at noon.');
    await waitForAnalysis(page);
    assert.ok((await texts(page, '#quotes button')).length >= 2);
    // The only console errors are the simulated crash itself.
    assert.ok(site.errors.every((e) => e.includes('simulated crash')), site.errors.join('\n'));
  });
});
