// <precis-summary>: one module script, Shadow DOM, a worker, the page's CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openAt, openSite, widgetSummarised } from './harness.mjs';

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


describe('the <precis-summary> widget', () => {
  let site;
  let page;

  before(async () => {
    site = await openAt('widget.html', { ready: widgetSummarised });
    page = site.page;
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

  test('analyze() resolves to the Analysis, element.analysis keeps it, events fire', async () => {
    const got = await page.evaluate(async () => {
      const w = document.createElement('precis-summary');
      w.id = 'api';
      w.setAttribute('loading', 'eager');
      const events = [];
      for (const type of ['precis-ready', 'precis-analysis']) document.addEventListener(type, (e) => e.target === w && events.push(type));
      document.body.append(w);
      const text = 'Mara Ellison, the head of the Tarrow Rowing Club, said on Sunday that the river would reopen.';
      const a = await w.analyze(text);
      // A text given while another is pending: the first promise is abandoned, the second answered.
      const first = w.analyze('Old text about Tarrow.').then(() => 'resolved', (e) => e.name);
      const second = await w.analyze('Jon Pike visited Tarrow on Monday.');
      return {
        names: a.entities.map((e) => e.name),
        same: w.analysis === second,
        secondNames: second.entities.map((e) => e.name),
        first: await first,
        events,
        empty: (await w.analyze('  ')).summary.length,
      };
    });
    assert.ok(got.names.includes('Mara Ellison'), JSON.stringify(got));
    assert.ok(got.secondNames.includes('Jon Pike'), JSON.stringify(got));
    assert.equal(got.same, true);
    assert.equal(got.first, 'AbortError');
    assert.equal(got.events[0], 'precis-ready');
    assert.ok(got.events.includes('precis-analysis'));
    assert.equal(got.empty, 0);
  });

  test('`for` takes a CSS selector', async () => {
    const names = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const box = document.createElement('div');
          box.className = 'story-two';
          box.innerHTML = '<div class="body"><p>Inspector Hal Moreno closed the Quarry Lane case on Friday.</p></div>';
          document.body.append(box);
          const w = document.createElement('precis-summary');
          w.id = 'selector';
          w.setAttribute('for', '.story-two .body');
          w.addEventListener('precis-analysis', (e) => resolve(e.detail.analysis.entities.map((x) => x.name)));
          document.body.append(w);
          w.scrollIntoView();
        }),
    );
    assert.ok(names.includes('Hal Moreno'), JSON.stringify(names));
  });

  test('light and dark: the reader\'s setting, or the theme attribute', async () => {
    const back = () => page.$eval('precis-summary', (h) => getComputedStyle(h.shadowRoot.querySelector('.box')).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await back();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await back();
    assert.notEqual(light, dark);
    await page.$eval('precis-summary', (h) => h.setAttribute('theme', 'light'));
    assert.equal(await back(), light, 'theme="light" wins over a dark setting');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.$eval('precis-summary', (h) => h.setAttribute('theme', 'dark'));
    assert.equal(await back(), dark, 'theme="dark" wins over a light setting');
    // The host's custom properties win over both.
    await page.$eval('precis-summary', (h) => h.style.setProperty('--precis-back', 'rgb(1, 2, 3)'));
    assert.equal(await back(), 'rgb(1, 2, 3)');
    await page.$eval('precis-summary', (h) => {
      h.removeAttribute('theme');
      h.style.removeProperty('--precis-back');
    });
  });

  test('fits a phone: no sideways scrolling at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const fit = await page.$eval('precis-summary', (h) => {
      const box = h.shadowRoot.querySelector('.box');
      return { scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth };
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(fit.scroll <= fit.client, JSON.stringify(fit));
    assert.ok(fit.page <= 360, JSON.stringify(fit));
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

describe('the widget when its module cannot be loaded', () => {
  let site;

  before(async () => {
    site = await openSite({ route: (context) => context.route('**/precis_bg.wasm', (r) => r.fulfill({ status: 404 })) });
  });

  after(async () => {
    await site?.close();
  });

  test('says so, fires precis-error and rejects analyze()', async () => {
    await site.page.goto(`${site.url}widget.html`);
    const got = await site.page.evaluate(
      () =>
        new Promise((resolve) => {
          const w = document.createElement('precis-summary');
          w.addEventListener('precis-error', (e) => resolve(e.detail.error));
          w.analyze('Ann Lee spoke in Paris.').catch(() => {});
          document.body.append(w);
        }),
    );
    assert.match(got, /could not be made/);
    const status = await site.page.$eval('precis-summary', (h) => h.shadowRoot.querySelector('.status').textContent);
    assert.match(status, /could not be made/);
    site.errors.length = 0; // the 404 is logged, as it should be
  });
});
