// Pasted HTML and markup-looking text are data: they show as text and nothing in them runs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openAt, pasteHtml, pastePlain, waitForAnalysis } from './harness.mjs';

// Each payload would set window.__pwned (or load /pwned) if it ever ran or reached the DOM as markup.
const HOSTILE_HTML = [
  '<html><head><meta http-equiv="refresh" content="0;url=/pwned"><style>body{display:none}</style></head><body>',
  '<script>window.__pwned = "script"</script>',
  '<h1>Bridge reopens in <i>Norlund</i></h1>',
  '<p>The Norlund bridge reopened on Monday after two years of repairs, the city council said.</p>',
  '<p><img src="/pwned.png" onerror="window.__pwned = \'img\'">Engineer Petra Lindqvist oversaw the work.</p>',
  '<p>“It was worth the wait,” said Petra Lindqvist, who has <a href="javascript:window.__pwned=\'link\'">built bridges</a> for thirty years.</p>',
  '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned = "svg script"</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>',
  '<p onclick="window.__pwned=\'click\'">Traffic is expected to return to normal by Friday.</p>',
  '</body></html>',
].join('');

// Plain text that looks like markup must show literally.
const MARKUP_TEXT =
  'The <b>Norlund</b> council met on Monday. <img src=/pwned.png onerror="window.__pwned=1"> ' +
  '“We will <script>window.__pwned=2</script> decide soon,” said Petra Lindqvist.';

describe('hostile input', () => {
  let site;
  let page;

  before(async () => {
    site = await openAt();
    page = site.page;
  });

  after(async () => {
    await site?.close();
  });

  const untouched = async () => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    // Only the elements the page builds itself appear in the view and in the results.
    const tags = await page.$$eval('#view *, .results button *', (n) => [...new Set(n.map((x) => x.tagName))]);
    for (const tag of tags) assert.ok(['MARK', 'SPAN'].includes(tag), `unexpected <${tag}>`);
    for (const u of site.requests) assert.ok(!u.includes('pwned'), `request to ${u}`);
    for (const u of site.requests) assert.equal(new URL(u).origin, site.origin);
  };

  test('pasted HTML becomes its text; scripts, handlers, links and SVG run nothing', async () => {
    await pasteHtml(page, HOSTILE_HTML, 'fallback plain text');
    await page.waitForFunction(() => document.getElementById('text').value.includes('Lindqvist'));
    await waitForAnalysis(page);
    const text = await page.inputValue('#text');
    assert.ok(text.includes('The Norlund bridge reopened on Monday'), text);
    assert.ok(text.includes('who has built bridges for thirty years'), 'link text is kept as text');
    for (const code of ['__pwned', '<script', 'onerror', 'javascript:', 'display:none']) {
      assert.ok(!text.includes(code), `"${code}" left in ${JSON.stringify(text)}`);
    }
    assert.equal(await page.textContent('#view'), text);
    const quotes = await page.$$eval('#quotes button .quote-text', (n) => n.map((x) => x.textContent));
    assert.ok(quotes.includes('“It was worth the wait,”'), JSON.stringify(quotes));
    // Clicking must not run the pasted onclick either.
    await page.locator('#quotes button').first().click();
    await page.click('#view');
    await page.waitForTimeout(300);
    await untouched();
    assert.deepEqual(site.errors, []);
  });

  test('markup typed or pasted as plain text shows literally', async () => {
    await page.click('#clear');
    await pastePlain(page, MARKUP_TEXT);
    await waitForAnalysis(page);
    assert.equal(await page.textContent('#view'), MARKUP_TEXT);
    const quote = await page.$$eval('#quotes button .quote-text', (n) => n.map((x) => x.textContent));
    assert.ok(quote.some((q) => q.includes('<script>window.__pwned=2</script>')), JSON.stringify(quote));
    await page.locator('#quotes button').first().click();
    await page.waitForTimeout(300);
    await untouched();
    assert.deepEqual(site.errors, []);
  });
});
