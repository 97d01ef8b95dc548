// <precis-summary>: one module script, Shadow DOM, a worker, the page's CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSite } from './harness.mjs';

/** The widget's rendered parts, read through its (open) shadow root. */
function read(page, selector = 'precis-summary') {
  return page.$eval(selector, (host) => {
    const root = host.shadowRoot;
    const all = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim());
    return {
      summary: all('.summary li'),
      names: all('.names p'),
      quotes: all('.quotes li'),
      status: root.querySelector('.status').textContent,
      styled: getComputedStyle(root.querySelector('.box')).borderLeftWidth,
    };
  });
}

const summarised = (page, selector = 'precis-summary') =>
  page.waitForFunction(
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('.status')?.textContent.startsWith('Summarised'),
    selector,
    { timeout: 30000 },
  );

describe('the <precis-summary> widget', () => {
  let site;
  let page;

  before(async () => {
    site = await openSite();
    page = site.page;
    await page.goto(`${site.url}widget.html`);
    await summarised(page);
  });

  after(async () => {
    await site?.close();
  });

  test('summarises the article it points at, in its shadow root, styled', async () => {
    const w = await read(page);
    assert.equal(w.summary.length, 2, 'sentences="2"');
    const article = await page.innerText('#story');
    for (const s of w.summary) assert.ok(article.includes(s), `${s} is from the article`);
    assert.ok(w.names.some((n) => n.startsWith('People: ') && n.includes('Agnes Whitlow')), JSON.stringify(w.names));
    assert.ok(w.quotes.some((q) => q.includes('Without the ferry') && q.includes('Agnes Whitlow')), JSON.stringify(w.quotes));
    assert.equal(w.styled, '4px', 'widget.css applies inside the shadow root under the CSP');
    // Nothing leaks into the page's own DOM.
    assert.equal(await page.evaluate(() => document.querySelectorAll('.summary, .names, .quotes').length), 0);
  });

  test('follows edits of the article and of its attributes', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'On Friday the mayor of Port Ellery, Ruth Calloway, said the ferry would get a new boat.';
      document.getElementById('story').append(p);
      document.querySelector('precis-summary').setAttribute('sentences', '1');
    });
    await page.waitForFunction(
      () => document.querySelector('precis-summary').shadowRoot.querySelectorAll('.summary li').length === 1,
    );
    await page.waitForFunction(() =>
      document.querySelector('precis-summary').shadowRoot.querySelector('.names').textContent.includes('Ruth Calloway'),
    );
  });

  test('a widget added later summarises its own text or a string, and fires an event', async () => {
    const detail = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const w = document.createElement('precis-summary');
          w.id = 'second';
          w.setAttribute('quotes', 'off');
          w.addEventListener('precis-analysis', (e) => resolve(e.detail.analysis.entities.map((x) => x.name)));
          w.textContent = 'Petra Lindqvist, an engineer, reopened the Norlund bridge on Monday. “It was worth the wait,” she said.';
          document.body.append(w);
        }),
    );
    assert.ok(detail.includes('Petra Lindqvist'), JSON.stringify(detail));
    const w = await read(page, '#second');
    assert.deepEqual(w.quotes, [], 'quotes="off"');
    await page.evaluate(() => {
      document.getElementById('second').text = '<img src=x onerror="window.__pwned=1"> The Norlund council met on Monday.';
    });
    await page.waitForFunction(() =>
      document.getElementById('second').shadowRoot.querySelector('.summary').textContent.includes('<img src=x'),
    );
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('#second', (n) => n[0].shadowRoot.querySelectorAll('img').length), 0);
  });

  test('removing a widget ends its worker', async () => {
    const before = page.workers().length;
    await page.evaluate(() => document.getElementById('second').remove());
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && page.workers().length >= before; i++) await page.waitForTimeout(50);
    assert.equal(page.workers().length, before - 1);
  });

  test('no request left the origin and no console error', async () => {
    for (const u of site.requests) assert.equal(new URL(u).origin, site.origin, u);
    assert.deepEqual(site.errors, []);
  });
});
