// <precis-summary>: an embeddable summary of an article, computed in a worker on the reader's
// machine. One module script defines it:
//
//   <script type="module" src="/precis/widget.js"></script>
//   <precis-summary for="story" sentences="2"></precis-summary>   summarises #story, live
//   <precis-summary>Plain article text…</precis-summary>          summarises its own text
//   element.text = '…'                                            summarises a string
//
// Attributes: `for` (id of the element to read), `sentences` (summary length; automatic when
// absent), `names` and `quotes` ("off" hides that part). It renders in Shadow DOM, styled by
// widget.css (parts: summary, names, quotes, status), and fires `precis-analysis` with
// { analysis, text } whenever results are shown. Works under a CSP of
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import { createAnalyser } from './analyser.js';

const STYLES = new URL('./widget.css', import.meta.url).href;
const WORKER = new URL('./worker.js', import.meta.url);
const DEBOUNCE_MS = 250;
const KIND_TITLES = { person: 'People', organization: 'Organisations', place: 'Places' };

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class PrecisSummary extends HTMLElement {
  static observedAttributes = ['for', 'sentences', 'names', 'quotes'];

  #text = null; // set through the property; wins over `for` and the element's own text
  #analyser = null;
  #observer = null;
  #timer = 0;
  #parts;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.#parts = {
      status: el('p', { part: 'status', class: 'status', role: 'status' }, 'Loading the summary…'),
      summary: el('ol', { part: 'summary', class: 'summary' }),
      names: el('div', { part: 'names', class: 'names' }),
      quotes: el('ul', { part: 'quotes', class: 'quotes' }),
    };
    const box = el('section', { class: 'box', 'aria-label': 'Summary by Précis' });
    box.append(
      el('h2', { class: 'title' }, 'In short'),
      this.#parts.summary,
      this.#parts.names,
      this.#parts.quotes,
      this.#parts.status,
    );
    root.append(el('link', { rel: 'stylesheet', href: STYLES }), box);
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
    this.#schedule(0);
  }

  connectedCallback() {
    if (!this.#analyser) {
      this.#analyser = createAnalyser({
        workerUrl: WORKER,
        onReady: (_, restarted) => {
          if (!restarted) this.#schedule(0);
        },
        onFailed: (error) => this.#status(`The summary could not be made: ${error}`, 'error'),
        onCrash: () => this.#status('The summary stopped; it is tried again when the text changes.', 'error'),
        onAnalysis: (analysis, ms, text) => this.#render(analysis, ms, text),
      });
    }
    this.#analyser.start();
    this.#watch();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#observer?.disconnect();
    this.#analyser?.stop();
  }

  attributeChangedCallback(name) {
    if (name === 'for') this.#watch();
    if (this.isConnected) this.#schedule(0);
  }

  #source() {
    const id = this.getAttribute('for');
    return id ? this.getRootNode().getElementById?.(id) ?? document.getElementById(id) : this;
  }

  /** Re-summarises when the source's text changes. */
  #watch() {
    this.#observer?.disconnect();
    const source = this.#source();
    if (!source || !this.isConnected) return;
    this.#observer = new MutationObserver(() => this.#schedule());
    this.#observer.observe(source, { childList: true, characterData: true, subtree: true });
  }

  #schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const text = this.text;
      if (!text.trim()) {
        this.#analyser?.cancel();
        this.#render(null, 0, '');
        this.#status('Nothing to summarise.');
        return;
      }
      const n = Number.parseInt(this.getAttribute('sentences') ?? '', 10);
      this.#analyser?.analyze(text, Number.isFinite(n) && n > 0 ? n : null);
    }, delay);
  }

  #status(message, kind = '') {
    this.#parts.status.textContent = message;
    this.#parts.status.className = `status ${kind}`.trim();
  }

  #render(analysis, ms, text) {
    const { summary, names, quotes } = this.#parts;
    const a = analysis ?? { summary: [], entities: [], quotes: [] };
    summary.replaceChildren(...a.summary.map((s) => el('li', {}, text.slice(s.start, s.end).trim())));

    const showNames = this.getAttribute('names') !== 'off';
    names.hidden = !showNames || a.entities.length === 0;
    names.replaceChildren();
    if (showNames) {
      for (const kind of ['person', 'organization', 'place']) {
        const list = a.entities.filter((e) => e.kind === kind).sort((x, y) => y.mentions.length - x.mentions.length);
        if (!list.length) continue;
        const row = el('p', { class: `kind ${kind}` });
        row.append(el('span', { class: 'label' }, `${KIND_TITLES[kind]}: `));
        row.append(document.createTextNode(list.map((e) => e.name).join(', ')));
        names.append(row);
      }
    }

    const showQuotes = this.getAttribute('quotes') !== 'off';
    const attributed = a.quotes.filter((q) => q.kind === 'direct' && q.speaker);
    quotes.hidden = !showQuotes || attributed.length === 0;
    quotes.replaceChildren(
      ...(showQuotes ? attributed : []).map((q) => {
        const li = el('li');
        li.append(el('q', {}, text.slice(q.start, q.end).trim()), el('span', { class: 'who' }, q.speaker.name));
        return li;
      }),
    );
    if (analysis) {
      this.#status(`Summarised on this device in ${ms.toFixed(0)} ms by Précis.`, 'done');
      this.dispatchEvent(new CustomEvent('precis-analysis', { detail: { analysis, text } }));
    }
  }
}

if (!customElements.get('precis-summary')) customElements.define('precis-summary', PrecisSummary);
