// <precis-summary> by keyboard only, as a screen reader sees it: accessible names and roles,
// aria-expanded on every collapsible, Tab order, Enter and Space.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openAt, widgetSummarised } from './harness.mjs';

/** The focused element, looked up through shadow roots: its tag, text and aria-expanded. */
const focused = (page) =>
  page.evaluate(() => {
    let node = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    return node && { tag: node.tagName, name: node.textContent.trim(), expanded: node.getAttribute('aria-expanded') };
  });

const shown = (page, selector) =>
  page.$eval('precis-summary', (h, s) => {
    const node = h.shadowRoot.querySelector(s);
    return !!node && node.getClientRects().length > 0;
  }, selector);

describe('the widget by keyboard', () => {
  let site;
  let page;

  before(async () => {
    site = await openAt('widget.html', { ready: widgetSummarised });
    page = site.page;
  });

  after(async () => {
    await site?.close();
  });

  test('names and roles a screen reader announces', async () => {
    const tree = await page.locator('precis-summary').ariaSnapshot();
    for (const line of [
      '- region "In short":',
      '- heading "In short" [level=2]:',
      '- button "In short" [expanded]',
      '- list "Summary":',
      '- group "People, organisations and places":',
      '- button "People, organisations and places" [expanded]',
      '- group "Quotes":',
      '- button "Quotes" [expanded]',
      '- status: Summarised on this device',
    ]) {
      assert.ok(tree.includes(line), `${line}\nin\n${tree}`);
    }
    // Every button names the panel it controls, and that panel exists in the same shadow root.
    const controls = await page.$eval('precis-summary', (h) =>
      [...h.shadowRoot.querySelectorAll('button')].map((b) => !!h.shadowRoot.getElementById(b.getAttribute('aria-controls'))),
    );
    assert.deepEqual(controls, [true, true, true]);
  });

  test('Tab reaches each toggle in order; Enter and Space open and close', async () => {
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'A', name: 'the embedding guide', expanded: null });
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'BUTTON', name: 'In short', expanded: 'true' });
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).expanded, 'false');
    assert.equal(await shown(page, '.summary'), false, 'closed');
    assert.equal(await page.$eval('precis-summary', (h) => h.hasAttribute('collapsed')), true, 'reflected as collapsed');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).expanded, 'true');
    assert.equal(await shown(page, '.summary'), true, 'open again');

    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'BUTTON', name: 'People, organisations and places', expanded: 'true' });
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).expanded, 'false');
    assert.equal(await shown(page, '.names .kind'), false);

    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'BUTTON', name: 'Quotes', expanded: 'true' });
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).expanded, 'false');
    assert.equal(await shown(page, '.quote-list li'), false);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await focused(page), { tag: 'BUTTON', name: 'People, organisations and places', expanded: 'true' });
    assert.equal(await shown(page, '.names .kind'), true);
  });

  test('the focused toggle is visibly outlined', async () => {
    const outline = await page.evaluate(() => {
      let node = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return getComputedStyle(node).outlineStyle;
    });
    assert.equal(outline, 'solid');
  });

  test('a widget that starts collapsed loads on its first open, from the keyboard', async () => {
    const workers = page.workers().length;
    await page.evaluate(() => {
      const w = document.createElement('precis-summary');
      w.id = 'closed';
      w.setAttribute('collapsed', '');
      w.setAttribute('label', 'Summary of the ferry story');
      w.setAttribute('for', 'main article');
      document.querySelector('main').prepend(w);
    });
    await page.waitForTimeout(500);
    assert.equal(page.workers().length, workers, 'nothing loaded while closed');
    // Back up the Tab order: Quotes, People…, In short, then the new widget's toggle.
    for (let i = 0; i < 6 && (await focused(page)).name !== 'Summary of the ferry story'; i++) {
      await page.keyboard.press('Shift+Tab');
    }
    assert.deepEqual(await focused(page), { tag: 'BUTTON', name: 'Summary of the ferry story', expanded: 'false' });
    await page.keyboard.press('Enter');
    await widgetSummarised(page, '#closed');
    assert.equal(page.workers().length, workers + 1);
  });

  test('no console error', () => {
    assert.deepEqual(site.errors, []);
  });
});
