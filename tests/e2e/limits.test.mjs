// Text past the analysed limit (2 MiB): the page analyses the first part, says so in a notice,
// keeps every byte in the box, and sets the rest aside as "too-long".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ARTICLE, openAt, pastePlain, waitForAnalysis } from './harness.mjs';

describe('text over the limit', () => {
  let site;
  let page;

  before(async () => {
    site = await openAt();
    page = site.page;
  });

  after(async () => {
    await site?.close();
  });

  test('a 2.5 MB paste is analysed in part, with a notice, and nothing is lost', { timeout: 120000 }, async () => {
    // our own article, repeated past the limit, each copy numbered so no two lines repeat
    let big = '';
    for (let i = 0; big.length < 2.5 * 1024 * 1024; i++) big += ARTICLE.replaceAll('\n', ` (part ${i})\n`);
    await pastePlain(page, big);
    await waitForAnalysis(page, 90000);
    await page.waitForFunction(() => document.getElementById('notices').textContent.length > 0, null, { timeout: 90000 });
    assert.match(await page.textContent('#notices'), /analysed/);
    assert.equal((await page.inputValue('#text')).length, big.length, 'the box keeps the whole paste');
    assert.match(await page.textContent('#ignored'), /past the length limit/);
    // the page still answers
    await page.fill('#text', ARTICLE);
    await page.waitForFunction(() => document.getElementById('notices').textContent === '', null, { timeout: 30000 });
    await waitForAnalysis(page);
    assert.deepEqual(site.errors, []);
  });
});
