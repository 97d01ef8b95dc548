// <precis-summary>: an embeddable summary of an article, computed in a worker on the reader's
// machine. Nothing is sent anywhere: the text goes to a worker of this page and back.
//
//   <script type="module" src="https://precis.example/widget.js"></script>
//   <precis-summary for="article .body"></precis-summary>   summarises the element the selector finds, live
//   <precis-summary>Plain article text…</precis-summary>     summarises its own text
//   element.text = '…'  /  await element.analyze('…')        summarises a string
//
// Attributes
//   for        a CSS selector (or an element id) of the article to read; absent: the element's own text
//   sentences  summary length (automatic when absent)
//   names, quotes  "off" hides that part
//   theme      "light" or "dark" (default: the reader's prefers-color-scheme)
//   collapsed  starts closed; the analyser then loads on first open
//   loading    "lazy" (default: load when scrolled near, or on first open) or "eager"
//   label      the title (default "In short")
// Events (they bubble): precis-ready {version}, precis-analysis {analysis, text, ms}, precis-error {error}.
// JS: element.analyze(text) → Promise<Analysis>, element.analysis (the latest, or null).
//
// The module files (widget.css, analyser.js, worker.js, pkg/) are found next to this file, on
// whatever origin serves it. A worker must be same-origin with the page, so a widget loaded from
// another origin starts a tiny Blob worker that imports ours (CORS); see the README for the CSP.
import { createAnalyser } from './analyser.js';

const STYLES = new URL('./widget.css', import.meta.url).href;
const WORKER = new URL('./worker.js', import.meta.url);
const DEBOUNCE_MS = 250;
const NEAR = '300px'; // start loading when the widget is this close to the viewport
const MAX_EARLY_CRASHES = 2; // workers that die before ever being ready: then give up
const KIND_TITLES = { person: 'People', organization: 'Organisations', place: 'Places' };
const EMPTY = Object.freeze({ sentences: [], summary: [], entities: [], quotes: [], ignored: [] });

let serial = 0;
let trampoline = null;

/** Our worker's URL if the page may start it, else a Blob module that imports it. */
function workerUrl() {
  if (WORKER.origin === globalThis.location?.origin) return WORKER;
  if (!trampoline) {
    // A dynamic import(): a module worker's static imports would need `worker-src` for our
    // origin; import() needs only `script-src`, which the widget's own module already needs.
    const source =
      `import(${JSON.stringify(WORKER.href)}).catch((e) => ` +
      `postMessage({ type: 'failed', error: 'the worker could not be loaded: ' + e }));\n`;
    trampoline = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }
  return trampoline;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A heading whose button shows and hides `panel`. */
function toggle(level, id, panelId, label) {
  const button = el('button', { type: 'button', id, class: 'toggle', 'aria-expanded': 'true', 'aria-controls': panelId });
  button.append(el('span', { class: 'chevron', 'aria-hidden': 'true' }), el('span', { class: 'label' }, label));
  const heading = el(`h${level}`, { class: 'heading' });
  heading.append(button);
  return { heading, button };
}

export class PrecisSummary extends HTMLElement {
  static observedAttributes = ['for', 'sentences', 'names', 'quotes', 'collapsed', 'label'];

  #text = null; // set through the property; wins over `for` and the element's own text
  #analyser = null;
  #analysis = null;
  #pending = []; // analyze() promises: { text, resolve, reject }
  #early = 0; // crashes since the last ready
  #started = false;
  #mutations = null;
  #near = null;
  #timer = 0;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const n = ++serial;
    const id = (what) => `precis-${what}-${n}`;
    const main = toggle(2, id('title'), id('body'), this.getAttribute('label') || 'In short');
    const names = toggle(3, id('names-title'), id('names-body'), 'People, organisations and places');
    const quotes = toggle(3, id('quotes-title'), id('quotes-body'), 'Quotes');
    this.#ui = {
      main,
      names,
      quotes,
      body: el('div', { id: id('body'), class: 'body', part: 'body' }),
      summary: el('ol', { class: 'summary', part: 'summary', 'aria-label': 'Summary' }),
      namesBox: el('div', { class: 'group names', part: 'names', role: 'group', 'aria-labelledby': id('names-title') }),
      namesBody: el('div', { id: id('names-body'), class: 'group-body' }),
      quotesBox: el('div', { class: 'group quotes', part: 'quotes', role: 'group', 'aria-labelledby': id('quotes-title') }),
      quotesBody: el('ul', { id: id('quotes-body'), class: 'group-body quote-list' }),
      status: el('p', { class: 'status', part: 'status', role: 'status' }, 'The summary loads when you reach it.'),
    };
    const u = this.#ui;
    u.namesBox.append(names.heading, u.namesBody);
    u.quotesBox.append(quotes.heading, u.quotesBody);
    u.namesBox.hidden = true;
    u.quotesBox.hidden = true;
    u.body.append(u.summary, u.namesBox, u.quotesBox, u.status);
    const box = el('section', { class: 'box', part: 'box', 'aria-labelledby': id('title') });
    box.append(main.heading, u.body);
    root.append(el('link', { rel: 'stylesheet', href: STYLES }), box);

    main.button.addEventListener('click', () => this.toggleAttribute('collapsed'));
    for (const [part, panel] of [
      [names, u.namesBody],
      [quotes, u.quotesBody],
    ]) {
      part.button.addEventListener('click', () => {
        const open = part.button.getAttribute('aria-expanded') !== 'true';
        part.button.setAttribute('aria-expanded', String(open));
        panel.hidden = !open;
      });
    }
  }

  /** The latest Analysis shown (UTF-16 offsets into the text it was made from), or null. */
  get analysis() {
    return this.#analysis;
  }

  /** The text summarised: the `text` property, else the `for` element's, else the element's own. */
  get text() {
    if (this.#text !== null) return this.#text;
    const source = this.#source();
    if (!source) return '';
    // innerText keeps the line breaks between paragraphs, which the analyser reads; an element
    // that is not rendered (our own light DOM) only has textContent.
    return source === this ? this.textContent : source.innerText ?? source.textContent;
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    if (this.#started) this.#schedule(0);
  }

  /**
   * Summarises `text` (and shows it). Resolves to its Analysis; rejects if the analyser fails,
   * or with an AbortError if another text is given before this one is done.
   */
  analyze(text) {
    const wanted = String(text ?? '');
    const promise = new Promise((resolve, reject) => this.#pending.push({ text: wanted, resolve, reject }));
    this.#text = wanted;
    if (this.#started) this.#schedule(0);
    else this.#start();
    return promise;
  }

  connectedCallback() {
    if (this.#started) {
      // Back on the page after leaving it: a new worker, and the text again once it is ready.
      this.#analyser.start();
      this.#watch();
      this.#schedule(0);
      return;
    }
    if (this.getAttribute('loading') === 'eager' || typeof IntersectionObserver !== 'function') {
      this.#start();
      return;
    }
    this.#near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !this.hasAttribute('collapsed')) this.#start();
      },
      { rootMargin: NEAR },
    );
    this.#near.observe(this);
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#near?.disconnect();
    this.#mutations?.disconnect();
    this.#analyser?.stop();
    this.#fail(new DOMException('the widget left the page', 'AbortError'));
  }

  attributeChangedCallback(name, _, value) {
    if (name === 'label') this.#ui.main.button.querySelector('.label').textContent = value || 'In short';
    if (name === 'collapsed') {
      const open = value === null;
      this.#ui.main.button.setAttribute('aria-expanded', String(open));
      this.#ui.body.hidden = !open;
      if (open && this.isConnected) this.#start(); // first open loads it
      return;
    }
    if (name === 'for' && this.#started) this.#watch();
    if (this.#started && this.isConnected) this.#schedule(0);
  }

  /** Loads the analyser (once): the first time the widget is near the viewport, opened, or asked. */
  #start() {
    if (this.#started || !this.isConnected) return;
    this.#started = true;
    this.#near?.disconnect();
    this.#status('Loading the summary…');
    this.#analyser = createAnalyser({
      workerUrl: workerUrl(),
      onReady: (version, restarted) => {
        this.#early = 0;
        if (restarted) return;
        this.dispatchEvent(new CustomEvent('precis-ready', { bubbles: true, detail: { version } }));
        this.#schedule(0);
      },
      onFailed: (error) => this.#error(`The summary could not be made: ${error}`),
      onCrash: (reason) => {
        this.#fail(new Error(reason));
        if (++this.#early > MAX_EARLY_CRASHES) {
          // After this hook the analyser starts a new worker: stop that one.
          queueMicrotask(() => this.#analyser.stop());
          this.#error(`The summary could not be made: ${reason}`);
        } else {
          this.#status('The summary stopped; it is tried again when the text changes.', 'error');
        }
      },
      onAnalysis: (analysis, ms, text) => this.#render(analysis, ms, text),
    });
    try {
      this.#analyser.start();
    } catch (err) {
      // e.g. the host's CSP forbids the worker
      this.#error(`The summary could not be made: ${err?.message ?? err}`);
      return;
    }
    this.#watch();
  }

  #source() {
    const target = this.getAttribute('for');
    if (!target) return this;
    const root = this.getRootNode();
    const byId = root.getElementById?.(target) ?? document.getElementById(target);
    if (byId) return byId;
    try {
      return root.querySelector?.(target) ?? document.querySelector(target);
    } catch {
      return null; // not a valid selector
    }
  }

  /** Re-summarises when the source's text changes. */
  #watch() {
    this.#mutations?.disconnect();
    const source = this.#source();
    if (!source || !this.isConnected) return;
    this.#mutations = new MutationObserver(() => {
      if (this.#text === null) this.#schedule();
    });
    this.#mutations.observe(source, { childList: true, characterData: true, subtree: true });
  }

  #schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const text = this.text;
      // Promises for other texts will never get an answer: the latest text wins.
      this.#fail(new DOMException('another text was given', 'AbortError'), text);
      if (!text.trim()) {
        this.#analyser?.cancel();
        this.#render(null, 0, text);
        this.#status('Nothing to summarise.');
        return;
      }
      const n = Number.parseInt(this.getAttribute('sentences') ?? '', 10);
      this.#analyser?.analyze(text, Number.isFinite(n) && n > 0 ? n : null);
    }, delay);
  }

  /** Rejects the analyze() promises, all of them or those for another text than `keep`. */
  #fail(error, keep = undefined) {
    const go = this.#pending.filter((p) => keep === undefined || p.text !== keep);
    this.#pending = this.#pending.filter((p) => !go.includes(p));
    for (const p of go) p.reject(error);
  }

  #error(message) {
    this.#status(message, 'error');
    this.#fail(new Error(message));
    this.dispatchEvent(new CustomEvent('precis-error', { bubbles: true, detail: { error: message } }));
  }

  #status(message, kind = '') {
    this.#ui.status.textContent = message;
    this.#ui.status.className = `status ${kind}`.trim();
  }

  #render(analysis, ms, text) {
    const u = this.#ui;
    const a = analysis ?? EMPTY;
    u.summary.replaceChildren(...a.summary.map((s) => el('li', {}, text.slice(s.start, s.end).trim())));

    const showNames = this.getAttribute('names') !== 'off';
    u.namesBox.hidden = !showNames || a.entities.length === 0;
    u.namesBody.replaceChildren();
    if (showNames) {
      for (const kind of ['person', 'organization', 'place']) {
        const list = a.entities.filter((e) => e.kind === kind).sort((x, y) => y.mentions.length - x.mentions.length);
        if (!list.length) continue;
        const row = el('p', { class: `kind ${kind}` });
        row.append(el('span', { class: 'kind-label' }, `${KIND_TITLES[kind]}: `));
        row.append(document.createTextNode(list.map((e) => e.name).join(', ')));
        u.namesBody.append(row);
      }
    }

    const showQuotes = this.getAttribute('quotes') !== 'off';
    const attributed = a.quotes.filter((q) => q.kind === 'direct' && q.speaker);
    u.quotesBox.hidden = !showQuotes || attributed.length === 0;
    u.quotesBody.replaceChildren(
      ...(showQuotes ? attributed : []).map((q) => {
        const li = el('li');
        li.append(el('q', {}, text.slice(q.start, q.end).trim()), el('span', { class: 'who' }, q.speaker.name));
        return li;
      }),
    );

    this.#analysis = analysis ?? (text.trim() ? null : EMPTY);
    const done = this.#pending.filter((p) => p.text === text);
    this.#pending = this.#pending.filter((p) => p.text !== text);
    for (const p of done) p.resolve(this.#analysis);
    if (analysis) {
      this.#status(`Summarised on this device in ${ms.toFixed(0)} ms by Précis.`, 'done');
      this.dispatchEvent(new CustomEvent('precis-analysis', { bubbles: true, detail: { analysis, text, ms } }));
    }
  }
}

if (!customElements.get('precis-summary')) customElements.define('precis-summary', PrecisSummary);
