// The page end to end: paste the test article, read the results, click to highlight, reload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ARTICLE, marks, openAt, openSite, pastePlain, texts, waitForAnalysis, waitForReady } from './harness.mjs';

const JUNK = [
  'Home | World | Business | Sport | Weather',
  'Share this article',
  'Ferry fares set to rise again as fuel prices climb…',
  'Island school wins national award for its…',
  'Sign up for our morning newsletter',
];
const SENTENCES = ARTICLE.split('\n').filter((line) => line && !JUNK.includes(line));

describe('the page with the test article', () => {
  let site;
  let page;
  let requestsBeforePaste;

  before(async () => {
    site = await openAt();
    page = site.page;
    // The offline copy (sw.js) is fetched once, while the page loads; wait for it to be done.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    requestsBeforePaste = site.requests.length;
    await pastePlain(page, ARTICLE);
    await waitForAnalysis(page);
  });

  after(async () => {
    await site?.close();
  });

  test('the pasted text is in the box and in the view', async () => {
    assert.equal(await page.inputValue('#text'), ARTICLE);
    assert.equal(await page.textContent('#view'), ARTICLE);
  });

  test('the status line gives the analysis time', async () => {
    assert.match(await page.textContent('#status'), /^Analysed [\d,]+ characters, \d+ sentences, in \d+\.\d ms\.$/);
  });

  test('the summary is article sentences, never page furniture', async () => {
    const summary = await texts(page, '#summary button');
    assert.ok(summary.length >= 1 && summary.length <= 4, `summary of ${summary.length}`);
    for (const line of summary) {
      assert.ok(
        SENTENCES.some((s) => s.includes(line)),
        `summary line is not an article sentence: ${line}`,
      );
    }
  });

  test('names are grouped by kind with mention counts', async () => {
    const groups = await page.$$eval('#entities .group', (nodes) =>
      nodes.map((g) => ({
        title: g.querySelector('h4').textContent,
        items: [...g.querySelectorAll('button')].map((b) => ({
          name: b.querySelector('.name').textContent,
          count: Number(b.querySelector('.count').textContent),
        })),
      })),
    );
    const people = groups.find((g) => g.title === 'People');
    assert.ok(people, `a People group in ${JSON.stringify(groups)}`);
    const whitlow = people.items.find((i) => i.name === 'Agnes Whitlow');
    // Given in full, then twice by surname alone ("Whitlow said …"): one entity.
    assert.ok(whitlow && whitlow.count >= 2, `Agnes Whitlow with her surname mentions: ${JSON.stringify(people)}`);
    assert.ok(people.items.some((i) => i.name === 'Daniel Okafor'));
    assert.ok(!people.items.some((i) => i.name === 'Whitlow'), 'the surname is not a second person');
    const titles = groups.map((g) => g.title);
    assert.deepEqual(titles, ['People', 'Organisations', 'Places'].filter((t) => titles.includes(t)), 'kinds in order');
    const orgs = groups.find((g) => g.title === 'Organisations');
    assert.ok(orgs?.items.some((i) => i.name === 'Harbour Transport Company'));
  });

  test('quotes are shown with their speaker and cue', async () => {
    const quotes = await page.$$eval('#quotes .group', (nodes) =>
      nodes.map((g) => ({
        speaker: g.querySelector('h4').textContent,
        quotes: [...g.querySelectorAll('button')].map((b) => ({
          text: b.querySelector('.quote-text').textContent,
          cue: b.querySelector('.cue')?.textContent ?? '',
        })),
      })),
    );
    const all = quotes.flatMap((g) => g.quotes.map((q) => ({ ...q, speaker: g.speaker })));
    const ferry = all.find((q) => q.text === '“Without the ferry, the island would empty within a decade,”');
    assert.ok(ferry, `the "she said" quote in ${JSON.stringify(all)}`);
    assert.equal(ferry.speaker, 'Agnes Whitlow');
    assert.equal(ferry.cue, 'she said');
    const sailing = all.find((q) => q.text === '“We want to keep sailing, but not at a loss,”');
    assert.ok(sailing, 'the "he said" quote');
    assert.equal(sailing.cue, 'he said');
    // The speaker heading is a person the page lists (who it is, is the analyser's call).
    const people = await texts(page, '#entities .kind-person .name');
    assert.ok(people.includes(sailing.speaker), `${sailing.speaker} among ${people}`);
  });

  test('share prompts and related headlines are set aside with their reason', async () => {
    const aside = await page.$$eval('#ignored button', (nodes) =>
      nodes.map((b) => ({ reason: b.querySelector('.reason').textContent, text: b.textContent })),
    );
    const find = (words) => aside.find((a) => a.text.includes(words));
    assert.equal(find('Share this article')?.reason, 'prompt');
    assert.equal(find('Ferry fares set to rise again')?.reason, 'related headline');
    assert.ok(find('Sign up for our morning newsletter'));
    // And the view shows them dimmed.
    const dimmed = await page.$$eval('#view span.aside', (n) => n.map((x) => x.textContent).join('\n'));
    assert.ok(dimmed.includes('Share this article'));
  });

  test('clicking a name highlights each of its mentions', async () => {
    const button = page.locator('#entities button', { hasText: 'Agnes Whitlow' });
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    const marked = await marks(page);
    assert.deepEqual(
      marked.map(([text]) => text),
      ['Agnes Whitlow', 'Whitlow'].concat(marked.length > 2 ? marked.slice(2).map(() => 'Whitlow') : []),
    );
    assert.ok(marked.every(([, cls]) => cls === 'mention'));
    // The view still holds the whole text, unchanged.
    assert.equal(await page.textContent('#view'), ARTICLE);
    // A second click clears it.
    await button.click();
    assert.deepEqual(await marks(page), []);
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
  });

  test('clicking a summary line highlights that sentence in the text', async () => {
    const first = page.locator('#summary button').first();
    const line = (await first.innerText()).trim();
    await first.click();
    const marked = await marks(page);
    assert.equal(marked.length, 1);
    assert.equal(marked[0][0].trim(), line);
  });

  test('the summary copies as plain text and as a Markdown list', async () => {
    const lines = (await texts(page, '#summary button')).map((l) => l.replace(/\s+/g, ' ').trim());
    assert.ok(lines.length >= 1);
    await page.click('#copy-text');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
    assert.equal(await page.textContent('#copy-status'), 'Copied as text.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), lines.join(' '));
    await page.click('#copy-markdown');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Copied as Markdown.');
    const md = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    assert.equal(md.length, lines.length);
    md.forEach((item, i) => assert.equal(item.replace(/^- /, '').replace(/\\(.)/g, '$1'), lines[i]));
  });

  test('clicking a quote highlights the words, the speaker and the cue', async () => {
    await page.locator('#quotes button', { hasText: 'Without the ferry' }).click();
    const marked = await marks(page);
    assert.deepEqual(marked, [
      ['Without the ferry, the island would empty within a decade,', 'quote'],
      ['she', 'speaker'],
      ['said', 'cue'],
    ]);
  });

  test('clicking a set-aside item highlights that stretch', async () => {
    await page.locator('#ignored button', { hasText: 'Share this article' }).click();
    assert.deepEqual(await marks(page), [['Share this article', 'aside ignored']]);
  });

  test('items work from the keyboard', async () => {
    const button = page.locator('#entities button', { hasText: 'Daniel Okafor' });
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.deepEqual((await marks(page)).map(([t]) => t)[0], 'Daniel Okafor');
    const outline = await button.evaluate((b) => getComputedStyle(b).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
  });

  test('no request left the origin, none after loading, no console error', async () => {
    assert.ok(site.requests.length > 0);
    for (const u of site.requests) assert.equal(new URL(u).origin, site.origin, `request to ${u}`);
    const late = site.requests.slice(requestsBeforePaste);
    assert.deepEqual(late, [], 'requests after load');
    assert.deepEqual(site.errors, []);
  });

  test('the text survives a reload, and Clear removes it for good', async () => {
    await page.reload();
    assert.equal(await page.inputValue('#text'), ARTICLE);
    await waitForAnalysis(page);
    assert.ok((await texts(page, '#quotes button')).length >= 2);
    await page.click('#clear');
    assert.equal(await page.inputValue('#text'), '');
    await page.keyboard.press('Control+Z');
    assert.equal(await page.inputValue('#text'), ARTICLE, 'Clear can be undone');
    await page.click('#clear');
    assert.equal(await page.inputValue('#text'), '');
    await page.waitForFunction(() => document.querySelectorAll('#quotes button').length === 0);
    await page.reload();
    await waitForReady(page);
    assert.equal(await page.inputValue('#text'), '');
    // Typed just before a reload, inside the debounce: still kept.
    await page.fill('#text', 'Typed and reloaded at once.');
    await page.reload();
    assert.equal(await page.inputValue('#text'), 'Typed and reloaded at once.');
    assert.deepEqual(site.errors, []);
  });
});

describe('first paint and small screens', () => {
  test('the page shows its UI and a loading line before the wasm arrives', async () => {
    let release;
    const held = new Promise((ok) => (release = ok));
    const site = await openSite({
      // Hold the .wasm back until the test has looked at the page.
      route: (context) => context.route('**/*.wasm', async (r) => (await held, r.continue())),
    });
    try {
      await site.page.goto(site.url);
      await site.page.waitForSelector('#text', { state: 'visible' });
      assert.equal(await site.page.textContent('#status'), 'Loading the analyser…');
      assert.ok(await site.page.isEditable('#text'), 'the box takes text before the wasm is there');
      release();
      await waitForReady(site.page);
      assert.match(await site.page.textContent('#status'), /^Ready/);
    } finally {
      release();
      await site.close();
    }
  });

  test('a module that cannot load is reported; the text is kept and shown', async () => {
    const site = await openSite({
      route: (context) => context.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'gone' })),
    });
    try {
      await site.page.goto(site.url);
      await site.page.waitForFunction(() => document.getElementById('status').textContent.includes('could not be loaded'));
      await site.page.fill('#text', 'Some text typed anyway.');
      await site.page.waitForFunction(() => document.getElementById('view').textContent === 'Some text typed anyway.');
      assert.match(await site.page.textContent('#status'), /could not be loaded/);
      await site.page.reload();
      assert.equal(await site.page.inputValue('#text'), 'Some text typed anyway.');
    } finally {
      await site.close();
    }
  });

  test('at phone width nothing overflows sideways', async () => {
    const site = await openSite();
    try {
      await site.page.setViewportSize({ width: 360, height: 740 });
      await site.page.goto(site.url);
      await site.page.fill('#text', ARTICLE);
      await waitForAnalysis(site.page);
      const overflow = await site.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      assert.deepEqual(site.errors, []);
    } finally {
      await site.close();
    }
  });
});
